import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { CsvImport } from "@/components/import/csv-import";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { getWritableDepartments } from "@/lib/data/entry-sheet";
import { canUseEntry } from "@/lib/permissions";

export const metadata: Metadata = { title: "Import figures" };

export default async function ImportPage() {
  const user = await requireUser();
  if (!canUseEntry(user)) forbidden();
  const departments = await getWritableDepartments(user);
  return (
    <>
      <PageHeader
        title="Import figures from a CSV file"
        description={
          <>
            Re-importing the same file changes nothing; changed values keep their earlier figure in the history.{" "}
            <Link href="/entry" className="text-brand-dark underline">Back to metric entry</Link>
          </>
        }
      />
      <CsvImport departments={departments} />
    </>
  );
}
