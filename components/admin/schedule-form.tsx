"use client";

import { updateScheduleAction } from "@/app/(app)/admin/settings/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { ScheduleSettings } from "@/lib/data/organisation";
import { useAdminForm } from "./use-admin-action";

/** The organisation's time zone and when reminders of missing figures go out. `nextReminder`: a sentence, computed on the server. */
export function ScheduleForm({ settings, nextReminder }: { settings: ScheduleSettings; nextReminder: string | null }) {
  const { pending, errors, onSubmit } = useAdminForm(updateScheduleAction, "Reminder schedule saved");

  return (
    <form onSubmit={onSubmit} aria-labelledby="schedule-heading" className="mt-8 max-w-2xl space-y-5 rounded-xl border border-slate-200 bg-white p-5 shadow-xs" noValidate>
      <div>
        <h2 id="schedule-heading" className="text-base font-semibold text-slate-900">Reminders</h2>
        <p className="mt-1 text-sm text-slate-600">
          Department heads are reminded, in the app and by email, of the figures still missing for the period that has just ended.
        </p>
      </div>
      <Field label="Time zone" name="timeZone" defaultValue={settings.timeZone} maxLength={64} hint="An IANA name such as Europe/London or America/New_York. The schedule runs, and periods end, in this zone." error={errors.timeZone} className="w-96 max-w-full" />
      <Field label="Reminder schedule" name="reminderSchedule" defaultValue={settings.reminderSchedule} maxLength={100} hint="A cron expression: minute hour day-of-month month day-of-week. 0 10 * * 1 is Mondays at 10:00." error={errors.reminderSchedule} className="w-72" spellCheck={false} />
      {nextReminder && <p className="text-sm text-slate-600" data-testid="next-reminder">{nextReminder}</p>}
      {errors.form && <p role="alert" className="text-sm text-red-700">{errors.form}</p>}
      <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save reminders"}</Button>
    </form>
  );
}
