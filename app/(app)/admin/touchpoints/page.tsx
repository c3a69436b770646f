import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { AdminNav } from "@/components/admin/admin-nav";
import { TouchpointsManager } from "@/components/admin/touchpoints-manager";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { getTouchpointsForAdmin } from "@/lib/data/touchpoints-admin";
import { canConfigureOrganisation } from "@/lib/permissions";
import { parseIdParam } from "@/lib/validation/fields";

export const metadata: Metadata = { title: "Touchpoints and metrics" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TouchpointsAdminPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!canConfigureOrganisation(user)) forbidden();
  const raw = (await searchParams).journey;
  const view = await getTouchpointsForAdmin(user, parseIdParam(typeof raw === "string" ? raw : null) ?? undefined);
  return (
    <>
      <PageHeader title="Administration" description="Touchpoints sit in a journey's stages and belong to one department; metrics measure them." />
      <AdminNav current="/admin/touchpoints" />
      {view ? (
        <TouchpointsManager view={view} />
      ) : (
        <EmptyState title="No journeys yet">
          Touchpoints belong to a journey&apos;s stages. <Link href="/admin/journeys" className="font-medium text-brand underline">Create a journey</Link> first.
        </EmptyState>
      )}
    </>
  );
}
