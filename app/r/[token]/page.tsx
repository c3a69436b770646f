// A shared touchpoint report: no sign-in (proxy.ts exempts /r/ and rate-limits it instead),
// read-only, no way into the rest of the app, never indexed or cached.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { after } from "next/server";
import { ReportActions } from "@/components/report/report-actions";
import { ReportView } from "@/components/report/report-view";
import { recordShareView } from "@/lib/data/share-links";
import { formatScore } from "@/lib/format";
import { getSharedReport } from "./shared-report";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const shared = await getSharedReport((await params).token);
  const robots = { index: false, follow: false };
  if (!shared) return { title: "Link not available", robots };
  const { report } = shared;
  const title = `${report.touchpoint.name} · ${report.organisation}`;
  const description = `Touchpoint report, ${report.range.from.label} to ${report.range.to.label}: score ${formatScore(report.current.score)} against a target of ${formatScore(report.current.targetScore)}.`;
  return { title, description, robots, openGraph: { title, description, type: "article", siteName: "Touchline" } };
}

export default async function SharedReportPage({ params }: Props) {
  const { token } = await params;
  const shared = await getSharedReport(token);
  if (!shared) notFound();
  // Counted after the page is sent: the count is a write, and a write may wait its turn behind an
  // import (docs/database.md); the reader must not.
  after(() => recordShareView(shared.linkId));
  const { report } = shared;
  return (
    <div className="mx-auto max-w-6xl px-4 py-6 sm:px-6 print:max-w-none print:p-0">
      <header className="mb-6 flex flex-wrap items-end justify-between gap-4 border-b border-slate-200 pb-4">
        <div>
          <p className="text-sm font-semibold text-brand">Touchline</p>
          <p className="text-sm text-slate-600">
            Shared by {report.organisation} · {report.range.from.label} to {report.range.to.label}
          </p>
        </div>
        <ReportActions csvHref={`/r/${token}/csv`} />
      </header>
      <ReportView report={report} />
      <footer className="mt-8 text-xs text-slate-500">A read-only report shared from Touchline. Figures as entered by {report.organisation}.</footer>
    </div>
  );
}
