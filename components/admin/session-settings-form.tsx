"use client";

import { updateSessionSettingsAction } from "@/app/(app)/admin/settings/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { lifetimeText, type SessionLimits } from "@/lib/auth/session-lifetime";
import { IDLE_MINUTES_RANGE, MAX_HOURS_RANGE } from "@/lib/validation/sessions";
import { useAdminForm } from "./use-admin-action";

/** How long a session lasts: without use (minutes) and in all (hours). They apply to open sessions too. */
export function SessionSettingsForm({ limits }: { limits: SessionLimits }) {
  const { pending, errors, onSubmit } = useAdminForm(updateSessionSettingsAction, "Session lifetimes saved");

  return (
    <form onSubmit={onSubmit} aria-labelledby="sessions-heading" className="mt-8 max-w-2xl space-y-5 rounded-xl border border-slate-200 bg-white p-5 shadow-xs" noValidate>
      <div>
        <h2 id="sessions-heading" className="text-base font-semibold text-slate-900">Sessions</h2>
        <p className="mt-1 text-sm text-slate-600">
          How long people stay signed in. Now: {lifetimeText(limits.idleMinutes)} without use, {lifetimeText(limits.maxHours * 60)} at most. A change applies to everyone at their next request.
        </p>
      </div>
      <div className="flex flex-wrap gap-4">
        <Field label="Sign out after no use for (minutes)" name="sessionIdleMinutes" inputMode="numeric" defaultValue={String(limits.idleMinutes)} hint={`${IDLE_MINUTES_RANGE.min} to ${IDLE_MINUTES_RANGE.max.toLocaleString("en-GB")} (7 days); default 480 (8 hours)`} error={errors.sessionIdleMinutes} className="w-72 max-w-full" />
        <Field label="Sign out after signing in for (hours)" name="sessionMaxHours" inputMode="numeric" defaultValue={String(limits.maxHours)} hint={`${MAX_HOURS_RANGE.min} to ${MAX_HOURS_RANGE.max.toLocaleString("en-GB")} (90 days); default 168 (7 days)`} error={errors.sessionMaxHours} className="w-72 max-w-full" />
      </div>
      {errors.form && <p role="alert" className="text-sm text-red-700">{errors.form}</p>}
      <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save session lifetimes"}</Button>
    </form>
  );
}
