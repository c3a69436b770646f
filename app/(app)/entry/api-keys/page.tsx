import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { ApiKeysManager } from "@/components/api-keys/api-keys-manager";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listApiKeys } from "@/lib/data/api-keys";
import { getWritableDepartments } from "@/lib/data/entry-sheet";
import { canUseEntry } from "@/lib/permissions";

export const metadata: Metadata = { title: "API keys" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ApiKeysPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!canUseEntry(user)) forbidden();
  const params = await searchParams;
  const departments = await getWritableDepartments(user);
  if (departments.length === 0) {
    return <EmptyState title="No departments">Ask an admin to add you to the departments you run.</EmptyState>;
  }
  const department = params.department === undefined ? departments[0]! : departments.find((d) => d.id === Number(params.department));
  if (!department) forbidden();
  const keys = await listApiKeys(user, department.id);

  return (
    <>
      <PageHeader
        title="API keys"
        description={
          <>
            A key lets an operational system (till, call centre, ticketing) send {department.name}&apos;s figures to{" "}
            <code className="rounded bg-slate-100 px-1">POST /api/v1/entries</code>. <Link href="/entry" className="text-brand-dark underline">Back to metric entry</Link>
          </>
        }
      />
      <ApiKeysManager departments={departments} department={department} keys={keys} />
    </>
  );
}
