import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { AdminNav } from "@/components/admin/admin-nav";
import { ScheduleForm } from "@/components/admin/schedule-form";
import { SessionSettingsForm } from "@/components/admin/session-settings-form";
import { SettingsForm } from "@/components/admin/settings-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { getOrganisationSettings, getScheduleSettings, hasAnyFigures } from "@/lib/data/organisation";
import { nextRunSentence } from "@/lib/notifications/schedule";
import { getSessionLimits } from "@/lib/data/sessions";
import { canConfigureOrganisation } from "@/lib/permissions";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireUser();
  if (!canConfigureOrganisation(user)) forbidden();
  const [settings, hasFigures, schedule, sessionLimits] = await Promise.all([getOrganisationSettings(), hasAnyFigures(), getScheduleSettings(), getSessionLimits()]);
  return (
    <>
      <PageHeader title="Administration" description="How figures are grouped and how scores are weighted and banded, for the whole organisation." />
      <AdminNav current="/admin/settings" />
      <SettingsForm settings={settings} hasFigures={hasFigures} />
      {schedule && (
        <ScheduleForm
          settings={schedule}
          nextReminder={nextRunSentence("Next reminders", schedule.reminderSchedule, schedule)}
          nextDigest={nextRunSentence("Next digest", schedule.digestSchedule, schedule)}
        />
      )}
      {schedule && <SessionSettingsForm limits={sessionLimits} />}
    </>
  );
}
