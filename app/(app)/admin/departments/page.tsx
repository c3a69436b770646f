import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { AdminNav } from "@/components/admin/admin-nav";
import { DepartmentsManager } from "@/components/admin/departments-manager";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listDepartmentsForAdmin } from "@/lib/data/departments";
import { canConfigureOrganisation } from "@/lib/permissions";

export const metadata: Metadata = { title: "Departments" };

export default async function DepartmentsPage() {
  const user = await requireUser();
  if (!canConfigureOrganisation(user)) forbidden();
  const departments = await listDepartmentsForAdmin(user);
  return (
    <>
      <PageHeader title="Administration" description="Departments own touchpoints; their heads enter the figures. Archived departments keep their history and can be restored." />
      <AdminNav current="/admin/departments" />
      <DepartmentsManager departments={departments} />
    </>
  );
}
