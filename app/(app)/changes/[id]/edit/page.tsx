import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { ChangeForm } from "@/components/changes/change-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { getProcessChange, getRecordableTouchpoints } from "@/lib/data/process-changes";
import { parseIdParam } from "@/lib/validation/fields";

export const metadata: Metadata = { title: "Edit a change" };

type Props = { params: Promise<{ id: string }> };

export default async function EditChangePage({ params }: Props) {
  const user = await requireUser();
  const id = parseIdParam((await params).id);
  const change = id ? await getProcessChange(user, id) : null;
  if (!change) notFound();
  if (!change.canEdit) forbidden();
  const choices = await getRecordableTouchpoints(user);
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500">
        <Link href="/changes" className="hover:underline">Change log</Link>
        <span aria-hidden="true"> / </span>
        <Link href={`/changes/${change.id}`} className="hover:underline">{change.title}</Link>
      </nav>
      <PageHeader title="Edit the change" />
      <ChangeForm
        choices={choices}
        initial={{ id: change.id, title: change.title, effectiveDate: change.effectiveDate, touchpointIds: change.touchpoints.map((t) => t.id), answers: change.answers }}
      />
    </>
  );
}
