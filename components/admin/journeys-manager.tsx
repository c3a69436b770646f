"use client";

import { useState, type FormEvent } from "react";
import { journeyAdminAction } from "@/app/(app)/admin/journeys/actions";
import { Button } from "@/components/ui/button";
import { useAdminAction } from "./use-admin-action";
import { Field } from "@/components/ui/field";
import type { AdminJourney, AdminStage } from "@/lib/data/journeys-admin";
import { MAX_DESCRIPTION, MAX_JOURNEY_NAME, MAX_STAGE_NAME } from "@/lib/validation/journeys";

type Change = Parameters<typeof journeyAdminAction>[0];
/** Which form shows its errors: "new", "journey-3", "stage-12", "add-3". */
type Scope = string;

/** Journeys and their stages: create, rename, describe, reorder stages with buttons, archive, restore. */
export function JourneysManager({ journeys }: { journeys: AdminJourney[] }) {
  const { pending, run: runAction } = useAdminAction();
  const [errors, setErrors] = useState<{ scope: Scope; fields: Record<string, string> } | null>(null);
  const [editing, setEditing] = useState<Scope | null>(null);
  const errorFor = (scope: Scope, field: string) => (errors?.scope === scope ? (errors.fields[field] ?? (field === "name" ? errors.fields.form : undefined)) : undefined);

  const run = (scope: Scope, change: Change, input: unknown, success: string, after?: () => void) =>
    runAction<unknown>(() => journeyAdminAction(change, input), {
      success,
      onError: (failure) => setErrors({ scope, fields: failure.fields ?? { form: failure.message } }),
      onSuccess: () => {
        setErrors(null);
        after?.();
      },
    });

  const submit = (scope: Scope, change: Change, extra: Record<string, unknown>, success: (name: string) => string, reset = true) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = { ...Object.fromEntries(new FormData(form)), ...extra };
    run(scope, change, data, success(String(data.name ?? "").trim()), () => {
      if (reset) form.reset();
      setEditing(null);
    });
  };

  return (
    <div className="space-y-6">
      <form onSubmit={submit("new", "createJourney", {}, (n) => `Created ${n}`)} className="grid gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-xs md:grid-cols-[1fr_2fr_auto] md:items-end" noValidate>
        <Field label="New journey" name="name" placeholder="e.g. Private events" maxLength={MAX_JOURNEY_NAME} error={errorFor("new", "name")} />
        <Field label="Description" name="description" placeholder="From first enquiry to the thank-you note" maxLength={MAX_DESCRIPTION} error={errorFor("new", "description")} />
        <Button type="submit" disabled={pending}>Add journey</Button>
      </form>

      {journeys.map((journey) => (
        <section key={journey.id} aria-labelledby={`journey-${journey.id}`} className={`rounded-xl border border-slate-200 bg-white p-5 shadow-xs ${journey.archived ? "opacity-75" : ""}`} data-testid="journey-admin">
          {editing === `journey-${journey.id}` ? (
            <form onSubmit={submit(`journey-${journey.id}`, "updateJourney", { id: journey.id }, (n) => `Saved ${n}`, false)} className="grid gap-3 md:grid-cols-[1fr_2fr_auto_auto] md:items-end" noValidate>
              <Field label={`Name of ${journey.name}`} name="name" defaultValue={journey.name} maxLength={MAX_JOURNEY_NAME} error={errorFor(`journey-${journey.id}`, "name")} autoFocus />
              <Field label="Description" name="description" defaultValue={journey.description} maxLength={MAX_DESCRIPTION} error={errorFor(`journey-${journey.id}`, "description")} />
              <Button type="submit" disabled={pending}>Save</Button>
              <Button type="button" variant="ghost" onClick={() => setEditing(null)}>Cancel</Button>
            </form>
          ) : (
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div>
                <h2 id={`journey-${journey.id}`} className="text-lg font-semibold">
                  {journey.name}
                  {journey.archived && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-600">Archived</span>}
                </h2>
                {journey.description && <p className="text-sm text-slate-600">{journey.description}</p>}
              </div>
              <div className="flex gap-2">
                {!journey.archived && <Button variant="ghost" onClick={() => setEditing(`journey-${journey.id}`)}>Edit<span className="sr-only"> {journey.name}</span></Button>}
                <Button variant="secondary" disabled={pending} onClick={() => run(`journey-${journey.id}`, journey.archived ? "restoreJourney" : "archiveJourney", { id: journey.id }, `${journey.archived ? "Restored" : "Archived"} ${journey.name}`)}>
                  {journey.archived ? "Restore" : "Archive"}<span className="sr-only"> {journey.name}</span>
                </Button>
              </div>
            </div>
          )}

          <h3 className="mt-4 text-xs font-semibold uppercase tracking-wide text-slate-500">Stages, upstream to downstream</h3>
          {journey.stages.length === 0 && <p className="mt-2 text-sm text-slate-600">No stages yet. A journey needs at least one stage before touchpoints can be added.</p>}
          <ol className="mt-2 divide-y divide-slate-100" aria-label={`Stages of ${journey.name}`}>
            {[...journey.stages.filter((s) => !s.archived), ...journey.stages.filter((s) => s.archived)].map((stage, index, all) => (
              <StageRow
                key={stage.id}
                stage={stage}
                number={stage.archived ? null : index + 1}
                first={index === 0}
                last={stage.archived || all[index + 1]?.archived !== false}
                editing={editing === `stage-${stage.id}`}
                pending={pending}
                error={errorFor(`stage-${stage.id}`, "name")}
                onEdit={() => setEditing(`stage-${stage.id}`)}
                onCancel={() => setEditing(null)}
                onRename={submit(`stage-${stage.id}`, "renameStage", { id: stage.id }, (n) => `Renamed to ${n}`, false)}
                onMove={(direction) => run(`stage-${stage.id}`, "moveStage", { id: stage.id, direction }, "")}
                onArchive={() => run(`stage-${stage.id}`, stage.archived ? "restoreStage" : "archiveStage", { id: stage.id }, `${stage.archived ? "Restored" : "Archived"} ${stage.name}`)}
              />
            ))}
          </ol>
          {errors?.scope.startsWith("stage-") && journey.stages.some((s) => errors.scope === `stage-${s.id}`) && errors.fields.form && (
            <p role="alert" className="mt-2 text-sm text-red-700">{errors.fields.form}</p>
          )}
          {!journey.archived && (
            <form onSubmit={submit(`add-${journey.id}`, "addStage", { journeyId: journey.id }, (n) => `Added ${n}`)} className="mt-3 flex flex-wrap items-end gap-2" noValidate>
              <Field label={`New stage for ${journey.name}`} name="name" placeholder="e.g. Enquire" maxLength={MAX_STAGE_NAME} error={errorFor(`add-${journey.id}`, "name")} className="min-w-56 flex-1" />
              <Button type="submit" variant="secondary" disabled={pending}>Add stage</Button>
            </form>
          )}
        </section>
      ))}
    </div>
  );
}

type StageRowProps = {
  stage: AdminStage;
  number: number | null;
  first: boolean;
  last: boolean;
  editing: boolean;
  pending: boolean;
  error?: string;
  onEdit: () => void;
  onCancel: () => void;
  onRename: (event: FormEvent<HTMLFormElement>) => void;
  onMove: (direction: "up" | "down") => void;
  onArchive: () => void;
};

function StageRow({ stage, number, first, last, editing, pending, error, onEdit, onCancel, onRename, onMove, onArchive }: StageRowProps) {
  return (
    <li className={`flex flex-wrap items-center gap-x-3 gap-y-2 py-2 text-sm ${stage.archived ? "text-slate-500" : ""}`} data-testid="stage-row">
      {editing ? (
        <form onSubmit={onRename} className="flex flex-1 flex-wrap items-end gap-2" noValidate>
          <Field label={`Name of ${stage.name}`} name="name" defaultValue={stage.name} maxLength={MAX_STAGE_NAME} error={error} className="min-w-48 flex-1" autoFocus />
          <Button type="submit" disabled={pending}>Save</Button>
          <Button type="button" variant="ghost" onClick={onCancel}>Cancel</Button>
        </form>
      ) : (
        <>
          <span className="min-w-0 flex-1">
            <span className="mr-2 tabular-nums text-slate-500">{number ? `${number}.` : "—"}</span>
            <span className="font-medium">{stage.name}</span>
            {stage.archived && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs">Archived</span>}
            <span className="ml-2 text-xs text-slate-500">{stage.activeTouchpoints} touchpoint{stage.activeTouchpoints === 1 ? "" : "s"}</span>
          </span>
          {!stage.archived && (
            <>
              <Button variant="ghost" className="px-2" disabled={pending || first} onClick={() => onMove("up")} aria-label={`Move ${stage.name} upstream`}>↑</Button>
              <Button variant="ghost" className="px-2" disabled={pending || last} onClick={() => onMove("down")} aria-label={`Move ${stage.name} downstream`}>↓</Button>
              <Button variant="ghost" onClick={onEdit}>Rename<span className="sr-only"> {stage.name}</span></Button>
            </>
          )}
          <Button variant="secondary" disabled={pending} onClick={onArchive}>
            {stage.archived ? "Restore" : "Archive"}<span className="sr-only"> {stage.name}</span>
          </Button>
        </>
      )}
    </li>
  );
}
