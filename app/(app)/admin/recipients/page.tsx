import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { AdminNav } from "@/components/admin/admin-nav";
import { RecipientsTable, RoleFilter } from "@/components/admin/recipients-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listRecipients } from "@/lib/data/notification-preferences";
import { ROLE_LABELS } from "@/lib/domain";
import { canConfigureOrganisation } from "@/lib/permissions";
import { recipientsRoleSchema } from "@/lib/validation/notification-preferences";

export const metadata: Metadata = { title: "Who gets what" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RecipientsPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!canConfigureOrganisation(user)) forbidden();
  const raw = (await searchParams).role;
  // An unknown role in the link shows everyone, and says so.
  const parsed = recipientsRoleSchema.safeParse(typeof raw === "string" ? raw : undefined);
  const role = parsed.success ? parsed.data : undefined;
  const people = await listRecipients(user, role);
  return (
    <>
      <PageHeader title="Administration" description="Who gets which notifications, and how: each person's own choice, or their role's default." />
      <AdminNav current="/admin/recipients" />
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <RoleFilter role={role} />
        <p className="text-sm text-slate-600" data-testid="recipients-count">
          {people.length} active {people.length === 1 ? "person" : "people"}
          {role && ` · ${ROLE_LABELS[role]}`}
        </p>
      </div>
      {!parsed.success && <p role="alert" className="mb-4 text-sm text-red-700">There is no role &quot;{String(raw).slice(0, 40)}&quot;: showing everyone.</p>}
      {people.length === 0 ? (
        <EmptyState title={`No active ${role ? ROLE_LABELS[role].toLowerCase() : "people"}`}>People appear here once they are invited and active.</EmptyState>
      ) : (
        <RecipientsTable people={people} />
      )}
      <p className="mt-4 text-xs text-slate-500">
        <span className="rounded-sm border border-dashed border-slate-400 px-1">default</span> marks a channel their role gets unless they choose otherwise; the others are their own choice.
        Reminders of missing figures go to department heads only. People change their own choices under their account; every email has a link to stop that kind.
      </p>
    </>
  );
}
