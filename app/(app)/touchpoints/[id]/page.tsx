import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { FollowControl } from "@/components/follow/follow-button";
import { RangePicker } from "@/components/report/range-picker";
import { ReportActions } from "@/components/report/report-actions";
import { ReportView } from "@/components/report/report-view";
import { ShareLinks } from "@/components/report/share-links";
import { requireUser } from "@/lib/auth/session";
import { isFollowingTouchpoint } from "@/lib/data/follows";
import { listShareLinks } from "@/lib/data/share-links";
import { getTouchpointReport } from "@/lib/data/touchpoint-report";
import { canRecordChange, canShareReport, canViewHistory, canViewTouchpoint } from "@/lib/permissions";
import { parseIdParam } from "@/lib/validation/fields";
import { parseReportRange } from "@/lib/validation/report";
import { setTouchpointFollowingAction } from "./actions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function load({ params, searchParams }: Props) {
  const id = parseIdParam((await params).id);
  const range = parseReportRange(await searchParams);
  return { id, range, report: id ? await getTouchpointReport(id, range.from, range.to) : null };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { report } = await load(props);
  return { title: report?.touchpoint.name ?? "Touchpoint" };
}

export default async function TouchpointPage(props: Props) {
  const user = await requireUser();
  if (!canViewTouchpoint(user)) forbidden();
  const { id, range, report } = await load(props);
  if (!id || !report) notFound();
  const { touchpoint } = report;
  const mayShare = canShareReport(user, touchpoint.department.id);
  const [links, following] = await Promise.all([mayShare ? listShareLinks(user, touchpoint.id) : [], isFollowingTouchpoint(user, touchpoint.id)]);
  const mayReadHistory = canViewHistory(user, touchpoint.department.id);
  const query = `from=${report.range.from.key}&to=${report.range.to.key}`;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4 print:hidden">
        <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
          <Link href={`/overview?journey=${touchpoint.journey.id}`} className="hover:underline">Overview</Link>
          <span aria-hidden="true"> / </span>
          {touchpoint.journey.name} <span aria-hidden="true">/</span> {touchpoint.stage}
        </nav>
        <div className="flex flex-wrap items-end gap-3">
          <RangePicker options={report.periodOptions} from={report.range.from} to={report.range.to} />
          <ReportActions csvHref={`/api/touchpoints/${touchpoint.id}/csv?${query}`} />
        </div>
      </div>
      <p className="hidden text-sm text-slate-600 print:block">
        {report.organisation} · touchpoint report · {report.range.from.label} to {report.range.to.label}
      </p>
      {[...range.problems, ...report.notices].map((notice) => (
        <p key={notice} role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 print:hidden">{notice}</p>
      ))}
      <ReportView
        report={report}
        historyHref={(i) => (mayReadHistory ? `/metrics/${report.metrics[i]!.id}/history` : null)}
        changeLinks={{ all: `/changes?touchpoint=${touchpoint.id}`, record: canRecordChange(user, touchpoint.department.id) ? `/changes/new?touchpoint=${touchpoint.id}` : null }}
        actions={
          <FollowControl
            what="touchpoint"
            name={touchpoint.name}
            following={following}
            action={setTouchpointFollowingAction}
            subject={{ touchpointId: touchpoint.id }}
          />
        }
      />
      {mayShare && <ShareLinks touchpointId={touchpoint.id} granularity={report.granularity} touchpointName={touchpoint.name} range={report.range} links={links} />}
    </div>
  );
}
