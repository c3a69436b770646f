"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { recordChangeAction, updateChangeAction } from "@/app/(app)/changes/actions";
import { useAdminAction } from "@/components/admin/use-admin-action";
import { Button, buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { TouchpointChoices } from "@/lib/data/process-changes";
import { ANSWER_MAX, FIVE_HOWS, TITLE_MAX, type FiveHowAnswers, type FiveHowKey } from "@/lib/validation/process-change";

type Answer = { noImpact: boolean; text: string };
export type ChangeFormValues = { id?: number; title: string; effectiveDate: string; touchpointIds: number[]; answers: FiveHowAnswers | null };

const blankAnswers = (): Record<FiveHowKey, Answer> => Object.fromEntries(FIVE_HOWS.map((h) => [h.key, { noImpact: false, text: "" }])) as Record<FiveHowKey, Answer>;

/**
 * Record a change, or edit one: title, date, the touchpoints it affects (only those the user may
 * record for) and the five questions, each answered or marked "No impact". The server checks it all
 * again; its field messages land next to the fields.
 */
export function ChangeForm({ choices, initial }: { choices: TouchpointChoices; initial: ChangeFormValues }) {
  const router = useRouter();
  const { pending, run } = useAdminAction();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const formRef = useRef<HTMLFormElement>(null);
  // After a refusal, take the keyboard to the first field with a problem.
  useEffect(() => {
    if (Object.keys(errors).length > 0) formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
  }, [errors]);
  const offered = new Set(choices.flatMap((j) => j.stages.flatMap((s) => s.touchpoints.map((t) => t.id))));
  const [selected, setSelected] = useState(() => new Set(initial.touchpointIds.filter((id) => offered.has(id))));
  const [answers, setAnswers] = useState<Record<FiveHowKey, Answer>>(() =>
    initial.answers ? (Object.fromEntries(FIVE_HOWS.map((h) => [h.key, { noImpact: initial.answers![h.key] === null, text: initial.answers![h.key] ?? "" }])) as Record<FiveHowKey, Answer>) : blankAnswers(),
  );
  const editing = initial.id !== undefined;
  // Whoever may edit a change may record for all its touchpoints, so one not offered was archived since.
  const dropped = editing ? initial.touchpointIds.filter((id) => !offered.has(id)).length : 0;
  const touchpointError = errors.touchpointIds ?? Object.entries(errors).find(([k]) => k.startsWith("touchpointIds."))?.[1];

  const toggle = (id: number, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const setAnswer = (key: FiveHowKey, change: Partial<Answer>) => setAnswers((current) => ({ ...current, [key]: { ...current[key], ...change } }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input = { title: data.get("title"), effectiveDate: data.get("effectiveDate"), touchpointIds: [...selected], answers };
    run(() => (editing ? updateChangeAction({ ...input, id: initial.id }) : recordChangeAction(input)), {
      onError: (failure) => setErrors(failure.fields ?? { form: failure.message }),
      onSuccess: ({ id }) => {
        setErrors({});
        toast.success(editing ? "Change saved" : "Change recorded");
        router.push(`/changes/${id}`);
      },
    });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-6" aria-label={editing ? "Edit the change" : "Record a change"}>
      <section className="grid gap-4 rounded-xl border border-slate-200 bg-white p-5 shadow-xs md:grid-cols-[minmax(0,3fr)_minmax(0,1fr)]">
        <Field label="Title" name="title" defaultValue={initial.title} maxLength={TITLE_MAX} placeholder="e.g. Second expediter on the pass at dinner" error={errors.title} required />
        <Field label="Took effect on" name="effectiveDate" type="date" defaultValue={initial.effectiveDate} error={errors.effectiveDate} hint="Planned changes can be dated ahead." required />
      </section>

      <fieldset className="rounded-xl border border-slate-200 bg-white p-5 shadow-xs" aria-describedby={touchpointError ? "touchpoints-error" : undefined}>
        <legend className="float-left w-full text-base font-semibold">Touchpoints affected</legend>
        <p className="clear-both pt-1 text-sm text-slate-600">
          {choices.length === 0 ? "There are no active touchpoints you can record changes for." : "Their reports will show the change, and the change log their scores before and after it."}
        </p>
        {dropped > 0 && (
          <p role="status" className="mt-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {dropped === 1 ? "One touchpoint of this change is" : `${dropped} touchpoints of this change are`} archived and will be removed from it when you save.
          </p>
        )}
        <div className="mt-3 space-y-4">
          {choices.map((journey) => (
            <div key={journey.id}>
              <h3 className="text-sm font-semibold text-slate-800">{journey.name}</h3>
              <div className="mt-1 grid gap-x-6 gap-y-2 sm:grid-cols-2 lg:grid-cols-3">
                {journey.stages.map((stage) => (
                  <div key={stage.id}>
                    <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{stage.name}</p>
                    <ul className="mt-1 space-y-1">
                      {stage.touchpoints.map((t) => (
                        <li key={t.id}>
                          <label className="inline-flex items-start gap-2 text-sm">
                            <input
                              type="checkbox"
                              className="mt-0.5 h-4 w-4 accent-brand"
                              checked={selected.has(t.id)}
                              onChange={(e) => toggle(t.id, e.target.checked)}
                              aria-invalid={touchpointError ? true : undefined}
                            />
                            <span>
                              {t.name}
                              <span className="ml-1.5 text-xs text-slate-500">
                                <span aria-hidden="true" className="mr-1 inline-block h-2 w-2 rounded-full" style={{ backgroundColor: t.colour }} />
                                {t.department}
                              </span>
                            </span>
                          </label>
                        </li>
                      ))}
                    </ul>
                  </div>
                ))}
              </div>
            </div>
          ))}
        </div>
        {touchpointError && <p id="touchpoints-error" className="mt-2 text-xs text-red-700">{touchpointError}</p>}
      </fieldset>

      <section aria-labelledby="five-hows-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-xs">
        <h2 id="five-hows-heading" className="text-base font-semibold">The 5 Hows</h2>
        <p className="mt-1 text-sm text-slate-600">Short answers are fine, but answer every question — or tick “No impact” where the change does not touch it.</p>
        <div className="mt-4 space-y-5">
          {FIVE_HOWS.map(({ key, question }, i) => {
            const answer = answers[key];
            const error = errors[`answers.${key}`];
            return (
              <fieldset key={key} aria-labelledby={`how-${key}`}>
                <legend id={`how-${key}`} className="text-sm font-medium text-slate-800">
                  <span aria-hidden="true" className="mr-1 text-slate-500">{i + 1}.</span>
                  {question}
                </legend>
                <textarea
                  name={key}
                  aria-labelledby={`how-${key}`}
                  aria-describedby={error ? `how-${key}-error` : undefined}
                  aria-invalid={error ? true : undefined}
                  rows={2}
                  maxLength={ANSWER_MAX}
                  value={answer.text}
                  disabled={answer.noImpact}
                  placeholder={answer.noImpact ? "No impact" : ""}
                  onChange={(e) => setAnswer(key, { text: e.target.value })}
                  className="mt-1.5 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-xs placeholder:text-slate-500 focus:border-brand disabled:bg-slate-100 aria-invalid:border-red-500"
                />
                {error && <p id={`how-${key}-error`} className="mt-1 text-xs text-red-700">{error}</p>}
                <label className="mt-1.5 inline-flex items-center gap-2 text-sm text-slate-700">
                  <input type="checkbox" className="h-4 w-4 accent-brand" checked={answer.noImpact} onChange={(e) => setAnswer(key, { noImpact: e.target.checked, text: "" })} />
                  No impact
                </label>
              </fieldset>
            );
          })}
        </div>
      </section>

      {errors.form && <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">{errors.form}</p>}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending || choices.length === 0}>{pending ? "Saving…" : editing ? "Save changes" : "Record change"}</Button>
        <Link href={editing ? `/changes/${initial.id}` : "/changes"} className={buttonClasses("secondary")}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
