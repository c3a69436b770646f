import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { ChangeForm } from "@/components/changes/change-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { organisationToday } from "@/lib/data/organisation";
import { getRecordableTouchpoints } from "@/lib/data/process-changes";
import { toPeriodKey } from "@/lib/periods";
import { canRecordAnyChange } from "@/lib/permissions";
import { parseIdParam } from "@/lib/validation/fields";

export const metadata: Metadata = { title: "Record a change" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The form for a new change; `?touchpoint=<id>` (from a touchpoint's report) ticks that touchpoint. */
export default async function NewChangePage({ searchParams }: Props) {
  const user = await requireUser();
  if (!canRecordAnyChange(user)) forbidden();
  const raw = (await searchParams).touchpoint;
  const preselected = parseIdParam(Array.isArray(raw) ? raw[0] : raw);
  const [choices, today] = await Promise.all([getRecordableTouchpoints(user), organisationToday()]);
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500">
        <Link href="/changes" className="hover:underline">Change log</Link>
      </nav>
      <PageHeader title="Record a change" description="What changed, when, where customers meet it — and the 5 Hows: how they will notice, respond and tell you." />
      <ChangeForm choices={choices} initial={{ title: "", effectiveDate: toPeriodKey(today), touchpointIds: preselected ? [preselected] : [], answers: null }} />
    </>
  );
}
