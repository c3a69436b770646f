import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { MetricSummary } from "@/components/touchpoint/metric-summary";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { getOrganisationSettings } from "@/lib/data/organisation";
import { getTouchpointReport } from "@/lib/data/touchpoints";
import { canViewHistory, canViewTouchpoint } from "@/lib/permissions";
import { parseIdParam } from "@/lib/validation/fields";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseIdParam((await params).id);
  const touchpoint = id ? await getTouchpointReport(id) : null;
  return { title: touchpoint?.name ?? "Touchpoint" };
}

export default async function TouchpointPage({ params }: Props) {
  const user = await requireUser();
  if (!canViewTouchpoint(user)) forbidden();
  const id = parseIdParam((await params).id);
  if (!id) notFound();
  const [touchpoint, settings] = await Promise.all([getTouchpointReport(id), getOrganisationSettings()]);
  if (!touchpoint) notFound();

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500">
        <Link href="/overview" className="hover:underline">Overview</Link>
        <span aria-hidden="true"> / </span>
        {touchpoint.stage.journey.name} <span aria-hidden="true">/</span> {touchpoint.stage.name}
      </nav>
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{touchpoint.name}</h1>
          {touchpoint.description && <p className="mt-1 text-sm text-slate-600">{touchpoint.description}</p>}
        </div>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span className="inline-flex items-center gap-1.5 rounded-full bg-white px-3 py-1 ring-1 ring-slate-200">
            <span aria-hidden="true" className="h-2.5 w-2.5 rounded-full" style={{ backgroundColor: touchpoint.department.colour }} />
            {touchpoint.department.name}
          </span>
          {touchpoint.momentOfTruth && (
            <span className="rounded-full bg-band-fair/10 px-3 py-1 font-medium text-band-fair ring-1 ring-band-fair/30">★ Moment of truth</span>
          )}
        </div>
      </div>
      {touchpoint.metrics.length === 0 ? (
        <EmptyState title="No metrics yet">An admin adds the metrics this touchpoint is measured by.</EmptyState>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          {touchpoint.metrics.map((metric) => (
            <MetricSummary
              key={metric.id}
              metric={metric}
              granularity={settings.periodGranularity}
              showHistory={canViewHistory(user, touchpoint.department.id)}
            />
          ))}
        </div>
      )}
    </>
  );
}
