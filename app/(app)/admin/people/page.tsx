import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { AdminNav } from "@/components/admin/admin-nav";
import { PeopleManager } from "@/components/admin/people-manager";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listDepartmentsForAdmin } from "@/lib/data/departments";
import { listPeople } from "@/lib/data/people";
import { canConfigureOrganisation } from "@/lib/permissions";

export const metadata: Metadata = { title: "People" };

export default async function PeoplePage() {
  const user = await requireUser();
  if (!canConfigureOrganisation(user)) forbidden();
  const [people, departments] = await Promise.all([listPeople(user), listDepartmentsForAdmin(user)]);
  return (
    <>
      <PageHeader title="Administration" description="Roles decide what each person can do; department heads enter the figures of their departments." />
      <AdminNav current="/admin/people" />
      <PeopleManager people={people} departments={departments.filter((d) => !d.archived)} currentUserId={user.id} />
    </>
  );
}
