import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { AdminNav } from "@/components/admin/admin-nav";
import { InvitationsPanel } from "@/components/admin/invitations-panel";
import { PeopleManager } from "@/components/admin/people-manager";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listDepartmentsForAdmin } from "@/lib/data/departments";
import { listOpenInvitations } from "@/lib/data/invitations";
import { listPeople } from "@/lib/data/people";
import { canConfigureOrganisation } from "@/lib/permissions";

export const metadata: Metadata = { title: "People" };

export default async function PeoplePage() {
  const user = await requireUser();
  if (!canConfigureOrganisation(user)) forbidden();
  const [people, invitations, departments] = await Promise.all([listPeople(user), listOpenInvitations(user), listDepartmentsForAdmin(user)]);
  const activeDepartments = departments.filter((d) => !d.archived);
  return (
    <>
      <PageHeader title="Administration" description="Roles decide what each person can do; department heads enter the figures of their departments. Changing a role or deactivating someone signs them out everywhere." />
      <AdminNav current="/admin/people" />
      <div className="space-y-8">
        <InvitationsPanel invitations={invitations} departments={activeDepartments} />
        <section aria-labelledby="people-heading" className="space-y-4">
          <h2 id="people-heading" className="text-base font-semibold">People ({people.length})</h2>
          <PeopleManager people={people} departments={activeDepartments} currentUserId={user.id} />
        </section>
      </div>
    </>
  );
}
