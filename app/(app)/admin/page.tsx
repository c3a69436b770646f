import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { AdminNav } from "@/components/admin/admin-nav";
import { SetupChecklist } from "@/components/admin/setup-checklist";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { getSetupProgress } from "@/lib/data/setup";
import { canConfigureOrganisation } from "@/lib/permissions";

export const metadata: Metadata = { title: "Getting started" };

export default async function AdminHome() {
  const user = await requireUser();
  if (!canConfigureOrganisation(user)) forbidden();
  const progress = await getSetupProgress(user);
  return (
    <>
      <PageHeader title="Administration" description="Set the organisation up in the order the checklist gives; each step unlocks the next." />
      <AdminNav current="/admin" />
      <SetupChecklist progress={progress} />
    </>
  );
}
