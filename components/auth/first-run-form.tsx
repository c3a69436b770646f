"use client";

import { useRef, useState, useTransition, type FormEvent } from "react";
import { completeFirstRunAction, loadDemoAction } from "@/app/(auth)/setup/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions";
import { NewPasswordFields } from "./new-password-fields";
import { useSignInAndGo } from "./use-sign-in-and-go";
import { callAction } from "@/lib/call-action";

/** The organisation and its first admin, or the demo organisation instead; then straight in. */
export function FirstRunForm() {
  const signInAndGo = useSignInAndGo();
  const [pending, startTransition] = useTransition();
  const [busy, setBusy] = useState<"setup" | "demo" | null>(null);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const emailRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);

  function finish(which: "setup" | "demo", action: () => Promise<ActionResult<{ email: string; password: string }>>, next: string) {
    setBusy(which);
    startTransition(async () => {
      const result = await action();
      if (!result.ok) {
        setErrors(result.fields ?? { form: result.message });
        setBusy(null);
        return;
      }
      await signInAndGo(result.data.email, result.data.password, next);
    });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    finish("setup", async () => {
      const result = await callAction(() => completeFirstRunAction(data));
      return result.ok ? { ok: true, data: { email: result.data.email, password: data.password ?? "" } } : result;
    }, "/admin");
  }

  return (
    <div className="space-y-6">
      <form method="post" onSubmit={onSubmit} aria-label="Set up your organisation" className="space-y-4" noValidate>
        <fieldset className="space-y-4">
          <legend className="mb-2 text-sm font-semibold text-slate-800">Your organisation</legend>
          <Field label="Organisation name" name="organisationName" autoComplete="organization" maxLength={80} error={errors.organisationName} required autoFocus />
          <div className="text-sm">
            <label htmlFor="first-run-period" className="mb-1 block font-medium text-slate-700">Figures are entered</label>
            <select id="first-run-period" name="periodGranularity" defaultValue="WEEK" aria-describedby="first-run-period-hint" className="rounded-md border border-slate-300 bg-white px-3 py-2">
              <option value="WEEK">Every week</option>
              <option value="MONTH">Every month</option>
            </select>
            <p id="first-run-period-hint" className="mt-1 text-xs text-slate-500">Fixed once the first figure is entered.</p>
          </div>
        </fieldset>
        <fieldset className="space-y-4">
          <legend className="mb-2 text-sm font-semibold text-slate-800">Your admin account</legend>
          <Field ref={nameRef} label="Your name" name="name" autoComplete="name" maxLength={80} error={errors.name} required />
          <Field ref={emailRef} label="Email" name="email" type="email" autoComplete="username" error={errors.email} required />
          <NewPasswordFields account={() => ({ email: emailRef.current?.value, name: nameRef.current?.value })} errors={errors} />
        </fieldset>
        {errors.form && <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{errors.form}</p>}
        <Button type="submit" className="w-full" disabled={pending}>{busy === "setup" ? "Creating your organisation…" : "Create organisation"}</Button>
      </form>
      <div className="border-t border-slate-200 pt-5 text-sm">
        <p className="font-medium text-slate-800">Just looking around?</p>
        <p className="mt-1 text-slate-600">Load the demo organisation, a restaurant group with 9 departments and half a year of figures, and sign in as its admin. You can&apos;t set up your own organisation in this database afterwards.</p>
        <Button variant="secondary" className="mt-3" disabled={pending} onClick={() => finish("demo", () => loadDemoAction({}), "/overview")}>
          {busy === "demo" ? "Loading the demo (a few seconds)…" : "Explore with demo data"}
        </Button>
      </div>
    </div>
  );
}
