import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { AdminNav } from "@/components/admin/admin-nav";
import { JourneysManager } from "@/components/admin/journeys-manager";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listJourneysForAdmin } from "@/lib/data/journeys-admin";
import { canConfigureOrganisation } from "@/lib/permissions";

export const metadata: Metadata = { title: "Journeys" };

export default async function JourneysPage() {
  const user = await requireUser();
  if (!canConfigureOrganisation(user)) forbidden();
  const journeys = await listJourneysForAdmin(user);
  return (
    <>
      <PageHeader title="Administration" description="A journey is the customer's path, in stages from upstream to downstream; touchpoints sit in stages." />
      <AdminNav current="/admin/journeys" />
      <JourneysManager journeys={journeys} />
    </>
  );
}
