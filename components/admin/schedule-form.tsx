"use client";

import { updateScheduleAction } from "@/app/(app)/admin/settings/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { ScheduleSettings } from "@/lib/data/organisation";
import { useAdminForm } from "./use-admin-action";

/**
 * When notifications go out: the organisation's time zone, the reminders of missing figures and
 * their second nudge, the weekly digest, and the journey shortfall that alerts. `nextReminder` and
 * `nextDigest`: sentences computed on the server.
 */
export function ScheduleForm({ settings, nextReminder, nextDigest }: { settings: ScheduleSettings; nextReminder: string | null; nextDigest: string | null }) {
  const { pending, errors, onSubmit } = useAdminForm(updateScheduleAction, "Notification settings saved");

  return (
    <form onSubmit={onSubmit} aria-labelledby="schedule-heading" className="mt-8 max-w-2xl space-y-6 rounded-xl border border-slate-200 bg-white p-5 shadow-xs" noValidate>
      <div>
        <h2 id="schedule-heading" className="text-base font-semibold text-slate-900">Notifications</h2>
        <p className="mt-1 text-sm text-slate-600">When reminders, the weekly digest and alerts go out. Each person chooses their own channels on their account page.</p>
      </div>
      <Field label="Time zone" name="timeZone" defaultValue={settings.timeZone} maxLength={64} hint="An IANA name such as Europe/London or America/New_York. Schedules run, periods end and “today” is judged in this zone." error={errors.timeZone} className="w-96 max-w-full" />

      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold text-slate-900">Reminders of missing figures</legend>
        <Field label="Reminder schedule" name="reminderSchedule" defaultValue={settings.reminderSchedule} maxLength={100} hint="A cron expression: minute hour day-of-month month day-of-week. 0 10 * * 1 is Mondays at 10:00." error={errors.reminderSchedule} className="w-96 max-w-full" spellCheck={false} />
        {nextReminder && <p className="text-sm text-slate-600" data-testid="next-reminder">{nextReminder}</p>}
        <Field label="Second nudge, hours after the reminders" name="reminderNudgeHours" type="number" inputMode="numeric" min={0} max={144} step={1} defaultValue={settings.reminderNudgeHours} hint="Heads whose figures are still missing then are reminded once more. 0: no second nudge." error={errors.reminderNudgeHours} className="w-72 max-w-full" />
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold text-slate-900">Weekly digest</legend>
        <Field label="Digest schedule" name="digestSchedule" defaultValue={settings.digestSchedule} maxLength={100} hint="A cron expression, like the reminders'. 0 8 * * 1 is Mondays at 08:00. Executives and admins get it by email unless they opt out; anyone can opt in." error={errors.digestSchedule} className="w-96 max-w-full" spellCheck={false} />
        {nextDigest && <p className="text-sm text-slate-600" data-testid="next-digest">{nextDigest}</p>}
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold text-slate-900">Alerts</legend>
        <p className="text-sm text-slate-600">A touchpoint that goes below its warning line or falls three periods in a row alerts its department’s heads and its followers, once per crossing.</p>
        <Field label="Journey shortfall alert, points" name="shortfallAlertPoints" inputMode="decimal" defaultValue={settings.shortfallAlertPoints ?? ""} placeholder="No shortfall alerts" hint="A journey whose shortfall grows past this many points alerts its followers. Leave blank for none." error={errors.shortfallAlertPoints} className="w-72 max-w-full" />
      </fieldset>

      {errors.form && <p role="alert" className="text-sm text-red-700">{errors.form}</p>}
      <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save notification settings"}</Button>
    </form>
  );
}
