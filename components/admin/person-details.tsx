"use client";

import { useState, type FormEvent } from "react";
import { createPasswordResetAction, updatePersonDetailsAction } from "@/app/(app)/admin/people/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ShownOnceSecret } from "@/components/ui/shown-once-secret";
import type { Person } from "@/lib/data/people";
import { useAdminAction } from "./use-admin-action";

/** Behind a disclosure on a person's card: correct their name or email, or make a password reset link. */
export function PersonDetails({ person }: { person: Person }) {
  const { pending, run } = useAdminAction();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [resetLink, setResetLink] = useState<string | null>(null);

  function onSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.currentTarget));
    run(() => updatePersonDetailsAction({ ...data, id: person.id }), {
      success: `Saved ${String(data.name).trim()}`,
      onError: (failure) => setErrors(failure.fields ?? { form: failure.message }),
      onSuccess: () => setErrors({}),
    });
  }

  function onReset() {
    run(() => createPasswordResetAction({ id: person.id }), {
      success: `Reset link made for ${person.name}`,
      onError: (failure) => setErrors({ form: failure.message }),
      onSuccess: ({ link }) => setResetLink(link),
    });
  }

  return (
    <details className="mt-3 border-t border-slate-100 pt-2 text-sm">
      <summary className="cursor-pointer text-slate-600 hover:text-slate-900">Name, email and password<span className="sr-only"> of {person.name}</span></summary>
      <form onSubmit={onSave} aria-label={`${person.name}'s details`} className="mt-3 flex flex-wrap items-start gap-3" noValidate>
        <Field label="Name" name="name" defaultValue={person.name} maxLength={80} error={errors.name} className="min-w-48 flex-1" />
        <Field label="Email" name="email" type="email" defaultValue={person.email} error={errors.email} className="min-w-64 flex-1" />
        <Button type="submit" variant="secondary" className="mt-6" disabled={pending}>Save details<span className="sr-only"> of {person.name}</span></Button>
      </form>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <Button type="button" variant="secondary" disabled={pending || !person.active} onClick={onReset}>Make a password reset link<span className="sr-only"> for {person.name}</span></Button>
        <p className="text-xs text-slate-500">{person.active ? "For a forgotten password: works once, for 24 hours, and signs them out everywhere." : "Reactivate them first."}</p>
      </div>
      {errors.form && <p role="alert" className="mt-2 text-red-700">{errors.form}</p>}
      {resetLink && <div className="mt-3"><ShownOnceSecret title={`Password reset link for ${person.name}.`} value={resetLink} label={`Password reset link for ${person.name}`} noun="Link" testId="new-reset-link" onDone={() => setResetLink(null)} /></div>}
    </details>
  );
}
