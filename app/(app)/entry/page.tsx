import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { EntryFilters } from "@/components/entry/entry-filters";
import { EntryRow } from "@/components/entry/entry-row";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { getEntrySheet, getWritableDepartments } from "@/lib/data/entry-sheet";
import { getOrganisationSettings } from "@/lib/data/organisation";
import { addPeriods, currentPeriod, formatPeriod, isPeriodStart, parsePeriodKey, toPeriodKey } from "@/lib/periods";
import { canUseEntry } from "@/lib/permissions";

export const metadata: Metadata = { title: "Metric entry" };

const PERIOD_CHOICES = 12;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EntryPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!canUseEntry(user)) forbidden();
  const params = await searchParams;
  const [settings, departments] = await Promise.all([getOrganisationSettings(), getWritableDepartments(user)]);
  const granularity = settings.periodGranularity;

  if (departments.length === 0) {
    return (
      <>
        <PageHeader title="Metric entry" />
        <EmptyState title="No departments to enter figures for">Ask an admin to add you to the departments you run.</EmptyState>
      </>
    );
  }

  const requestedDepartment = Number(params.department);
  const department = params.department === undefined ? departments[0]! : departments.find((d) => d.id === requestedDepartment);
  // Another department's id in the URL: refuse rather than silently show a different one.
  if (!department) forbidden();

  const latest = currentPeriod(granularity);
  const requested = typeof params.period === "string" ? parsePeriodKey(params.period) : null;
  const period = requested && isPeriodStart(requested, granularity) && requested <= latest ? requested : latest;
  const periods = Array.from({ length: PERIOD_CHOICES }, (_, i) => addPeriods(latest, -i, granularity)).map((p) => ({
    key: toPeriodKey(p),
    label: formatPeriod(p, granularity),
  }));

  const sheet = await getEntrySheet(department.id, period, granularity);
  const rows = sheet.flatMap((t) => t.metrics.map((m) => ({ touchpoint: t, metric: m })));
  const missing = rows.filter((r) => !r.metric.current).length;

  return (
    <>
      <PageHeader
        title="Metric entry"
        description={`${department.name} · ${formatPeriod(period, granularity)} · ${rows.length - missing} of ${rows.length} figures entered`}
      >
        <EntryFilters departments={departments} departmentId={department.id} periods={periods} periodKey={toPeriodKey(period)} />
      </PageHeader>
      {requested && toPeriodKey(requested) !== toPeriodKey(period) && (
        <p role="status" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {params.period} is not a period start or is in the future; showing {formatPeriod(period, granularity)} instead.
        </p>
      )}
      {rows.length === 0 ? (
        <EmptyState title={`${department.name} has no metrics yet`}>An admin adds touchpoints and metrics for your department.</EmptyState>
      ) : (
        <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs">
          <div className="hidden grid-cols-[minmax(12rem,2fr)_6rem_6rem_minmax(7rem,1fr)_6rem_8rem_6rem] gap-3 border-b border-slate-200 bg-slate-50 px-4 py-2 text-xs font-semibold uppercase tracking-wide text-slate-500 lg:grid">
            <span>Touchpoint · metric</span>
            <span className="text-right">Last period</span>
            <span className="text-right">Target</span>
            <span>Value</span>
            <span>Sample</span>
            <span>Source</span>
            <span className="sr-only">Save</span>
          </div>
          <ul>
            {rows.map(({ touchpoint, metric }) => (
              <li key={metric.id} className="border-b border-slate-100 last:border-b-0">
                <EntryRow touchpointName={touchpoint.name} metric={metric} periodKey={toPeriodKey(period)} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
