"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { touchpointAdminAction } from "@/app/(app)/admin/touchpoints/actions";
import { Button } from "@/components/ui/button";
import { useAdminAction } from "./use-admin-action";
import { Field } from "@/components/ui/field";
import type { AdminTouchpoint, AdminTouchpointsView } from "@/lib/data/touchpoints-admin";
import { formatValue } from "@/lib/format";
import { METRIC_KIND_DEFAULTS, MAX_TOUCHPOINT_NAME } from "@/lib/validation/touchpoints";
import { MetricForm } from "./metric-form";

type Change = Parameters<typeof touchpointAdminAction>[0];
const select = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";

/** A journey's touchpoints, stage by stage, with their metrics: add, edit, move, archive, restore. */
export function TouchpointsManager({ view }: { view: AdminTouchpointsView }) {
  const { pending, run: runAction } = useAdminAction();
  const [errors, setErrors] = useState<{ scope: string; fields: Record<string, string> } | null>(null);
  const fieldErrors = (scope: string) => (errors?.scope === scope ? errors.fields : {});

  const run = (scope: string, change: Change, input: unknown, success: string, after?: () => void) =>
    runAction<unknown>(() => touchpointAdminAction(change, input), {
      success,
      onError: (failure) => setErrors({ scope, fields: failure.fields && Object.keys(failure.fields).length ? failure.fields : { name: failure.message } }),
      onSuccess: () => {
        setErrors(null);
        after?.();
      },
    });

  /** Sends a form's fields (plus `extra`); `after` runs once the change is saved. */
  const submit = (scope: string, change: Change, extra: Record<string, unknown>, success: (name: string) => string, after?: (form: HTMLFormElement) => void) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = { ...Object.fromEntries(new FormData(form)), ...extra };
    run(scope, change, data, success(String(data.name ?? "").trim()), () => after?.(form));
  };
  const clear = (form: HTMLFormElement) => form.reset();

  const departmentOptions = view.departments.map((d) => <option key={d.id} value={d.id}>{d.name}</option>);

  return (
    <div className="space-y-6">
      {view.journeys.length > 1 && (
        <nav aria-label="Journeys" className="flex flex-wrap gap-2 text-sm">
          {view.journeys.map((j) => (
            <Link key={j.id} href={`?journey=${j.id}`} aria-current={j.id === view.journey.id ? "page" : undefined} className="rounded-full border border-slate-300 px-3 py-1 aria-[current=page]:border-brand aria-[current=page]:bg-brand aria-[current=page]:text-white">
              {j.name}
            </Link>
          ))}
        </nav>
      )}
      {view.stages.length === 0 && <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">{view.journey.name} has no stages yet. Add them under <Link href="/admin/journeys" className="text-brand-dark underline">Journeys and stages</Link> first.</p>}
      {view.departments.length === 0 && <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">Every touchpoint is owned by a department. <Link href="/admin/departments" className="text-brand-dark underline">Add a department</Link> first.</p>}

      {view.stages.map((stage, index) => (
        <section key={stage.id} aria-labelledby={`stage-${stage.id}`} className="rounded-xl border border-slate-200 bg-white p-5 shadow-xs">
          <h2 id={`stage-${stage.id}`} className="text-base font-semibold">{index + 1}. {stage.name}</h2>
          {stage.touchpoints.length === 0 && <p className="mt-1 text-sm text-slate-600">No touchpoints in this stage yet.</p>}
          <ul className="mt-3 space-y-3">
            {stage.touchpoints.map((t) => (
              <TouchpointItem key={t.id} touchpoint={t} view={view} stageId={stage.id} pending={pending} errors={fieldErrors(`tp-${t.id}`)} metricErrors={fieldErrors(`metric-${t.id}`)} departmentOptions={departmentOptions}
                onSave={submit(`tp-${t.id}`, "updateTouchpoint", { id: t.id }, (n) => `Saved ${n}`)}
                onArchive={() => run(`tp-${t.id}`, t.archived ? "restoreTouchpoint" : "archiveTouchpoint", { id: t.id }, `${t.archived ? "Restored" : "Archived"} ${t.name}`)}
                onAddMetric={submit(`metric-${t.id}`, "createMetric", { touchpointId: t.id }, (n) => `Added ${n}`, clear)}
                onArchiveMetric={(id, archived, name) => run(`metric-${t.id}`, archived ? "restoreMetric" : "archiveMetric", { id }, `${archived ? "Restored" : "Archived"} ${name}`)}
                editErrors={(id) => fieldErrors(`edit-metric-${id}`)}
                onEditMetric={(id, done) => submit(`edit-metric-${id}`, "updateMetric", { id }, (n) => `Saved ${n}`, done)}
              />
            ))}
          </ul>
          {view.departments.length > 0 && (
            <form aria-label={`Add a touchpoint to ${stage.name}`} onSubmit={submit(`new-${stage.id}`, "createTouchpoint", { stageId: stage.id }, (n) => `Added ${n}`, clear)} className="mt-4 grid gap-3 border-t border-slate-100 pt-4 sm:grid-cols-[2fr_1fr_6rem_auto_auto] sm:items-end" noValidate>
              <Field label={`New touchpoint in ${stage.name}`} name="name" maxLength={MAX_TOUCHPOINT_NAME} placeholder="e.g. Cloakroom" error={fieldErrors(`new-${stage.id}`).name} />
              <div>
                <label htmlFor={`new-dept-${stage.id}`} className="mb-1 block text-sm font-medium text-slate-700">Owned by</label>
                <select id={`new-dept-${stage.id}`} name="departmentId" className={select}>{departmentOptions}</select>
              </div>
              <Field label="Weight" name="weight" inputMode="decimal" defaultValue="1" error={fieldErrors(`new-${stage.id}`).weight} />
              <label className="flex items-center gap-2 pb-2 text-sm"><input type="checkbox" name="momentOfTruth" className="accent-brand" /> Moment of truth</label>
              <Button type="submit" disabled={pending}>Add touchpoint</Button>
            </form>
          )}
        </section>
      ))}
    </div>
  );
}

type ItemProps = {
  touchpoint: AdminTouchpoint;
  view: AdminTouchpointsView;
  stageId: number;
  pending: boolean;
  errors: Record<string, string>;
  metricErrors: Record<string, string>;
  departmentOptions: React.ReactNode;
  onSave: (event: FormEvent<HTMLFormElement>) => void;
  onArchive: () => void;
  onAddMetric: (event: FormEvent<HTMLFormElement>) => void;
  onArchiveMetric: (id: number, archived: boolean, name: string) => void;
  editErrors: (metricId: number) => Record<string, string>;
  onEditMetric: (metricId: number, done: () => void) => (event: FormEvent<HTMLFormElement>) => void;
};

function TouchpointItem({ touchpoint: t, view, stageId, pending, errors, metricErrors, departmentOptions, onSave, onArchive, onAddMetric, onArchiveMetric, editErrors, onEditMetric }: ItemProps) {
  const [editingMetric, setEditingMetric] = useState<number | null>(null);
  const department = view.departments.find((d) => d.id === t.departmentId);
  return (
    <li className={`rounded-lg border border-slate-200 ${t.archived ? "bg-slate-50 text-slate-500" : ""}`} data-testid="touchpoint-admin">
      <details>
        <summary className="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3 text-sm">
          <span className="font-medium">{t.name}</span>
          {t.momentOfTruth && <span className="text-band-fair-ink">★ moment of truth</span>}
          <span className="text-xs text-slate-500">{department?.name ?? "archived department"} · weight {t.weight} · {t.metrics.filter((m) => !m.archived).length} metrics</span>
          {t.archived && <span className="rounded bg-slate-200 px-1.5 py-0.5 text-xs">Archived</span>}
        </summary>
        <div className="border-t border-slate-100 px-4 py-3">
          {!t.archived && (
            <form onSubmit={onSave} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_6rem_auto] lg:items-end" noValidate>
              <Field label={`Name of ${t.name}`} name="name" defaultValue={t.name} maxLength={MAX_TOUCHPOINT_NAME} error={errors.name} />
              <div>
                <label htmlFor={`dept-${t.id}`} className="mb-1 block text-sm font-medium text-slate-700">Owned by</label>
                <select id={`dept-${t.id}`} name="departmentId" defaultValue={t.departmentId} className={select}>{departmentOptions}</select>
              </div>
              <div>
                <label htmlFor={`stage-of-${t.id}`} className="mb-1 block text-sm font-medium text-slate-700">Stage</label>
                <select id={`stage-of-${t.id}`} name="stageId" defaultValue={stageId} className={select}>
                  {view.stages.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
                </select>
              </div>
              <Field label="Weight" name="weight" inputMode="decimal" defaultValue={String(t.weight)} error={errors.weight} />
              <label className="flex items-center gap-2 pb-2 text-sm"><input type="checkbox" name="momentOfTruth" defaultChecked={t.momentOfTruth} className="accent-brand" /> Moment of truth</label>
              <Field label="Description" name="description" defaultValue={t.description} className="sm:col-span-2 lg:col-span-4" error={errors.description} />
              <Button type="submit" disabled={pending}>Save</Button>
            </form>
          )}
          <div className="relative mt-3 overflow-x-auto">
            <table className="w-full min-w-[36rem] text-sm">
              <thead className="text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="py-1 pr-3">Metric</th>
                  <th scope="col" className="px-2 py-1">Scale (best → worst)</th>
                  <th scope="col" className="px-2 py-1">Target</th>
                  <th scope="col" className="px-2 py-1">Warning</th>
                  <th scope="col" className="px-2 py-1">Weight</th>
                  <th scope="col" className="py-1 pl-2"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                {t.metrics.map((m) => editingMetric === m.id ? (
                  <tr key={m.id} className="border-t border-slate-100">
                    <td colSpan={6}>
                      <MetricForm touchpointName={t.name} metric={m} errors={editErrors(m.id)} pending={pending} onSubmit={onEditMetric(m.id, () => setEditingMetric(null))} onCancel={() => setEditingMetric(null)} />
                    </td>
                  </tr>
                ) : (
                  <tr key={m.id} className={`border-t border-slate-100 ${m.archived ? "text-slate-500" : ""}`}>
                    <th scope="row" className="py-1.5 pr-3 text-left font-medium">
                      {m.name} <span className="text-xs font-normal text-slate-500">{METRIC_KIND_DEFAULTS[m.kind].label}</span>
                      {m.archived && <span className="ml-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal">Archived</span>}
                    </th>
                    <td className="px-2 py-1.5">{formatValue(m.scaleBest, m.unit)} → {formatValue(m.scaleWorst, m.unit)}</td>
                    <td className="px-2 py-1.5">{formatValue(m.target, m.unit)}</td>
                    <td className="px-2 py-1.5">{formatValue(m.warningThreshold, m.unit)}</td>
                    <td className="px-2 py-1.5 tabular-nums">{m.weight}</td>
                    <td className="py-1.5 pl-2 text-right">
                      {!t.archived && !m.archived && (
                        <Button variant="ghost" disabled={pending} onClick={() => setEditingMetric(m.id)}>Edit<span className="sr-only"> {m.name}</span></Button>
                      )}
                      {!t.archived && (
                        <Button variant="ghost" disabled={pending} onClick={() => onArchiveMetric(m.id, m.archived, m.name)}>
                          {m.archived ? "Restore" : "Archive"}<span className="sr-only"> {m.name}</span>
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {!t.archived && <MetricForm touchpointName={t.name} errors={metricErrors} pending={pending} onSubmit={onAddMetric} />}
          <div className="mt-3 flex justify-end">
            <Button variant="secondary" disabled={pending} onClick={onArchive}>{t.archived ? "Restore touchpoint" : "Archive touchpoint"}<span className="sr-only"> {t.name}</span></Button>
          </div>
        </div>
      </details>
    </li>
  );
}
