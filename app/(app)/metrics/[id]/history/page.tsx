import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { HistoryTable } from "@/components/history/history-table";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { getMetricHistory } from "@/lib/data/history";
import { getOrganisationSettings } from "@/lib/data/organisation";
import { canViewHistory, canWriteEntries } from "@/lib/permissions";
import { parseIdParam } from "@/lib/validation/fields";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Figure history" };

export default async function MetricHistoryPage({ params }: Props) {
  const user = await requireUser();
  const id = parseIdParam((await params).id);
  if (!id) notFound();
  const [metric, settings] = await Promise.all([getMetricHistory(id), getOrganisationSettings()]);
  if (!metric) notFound();
  if (!canViewHistory(user, metric.touchpoint.departmentId)) forbidden();

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500">
        <Link href={`/touchpoints/${metric.touchpoint.id}`} className="hover:underline">{metric.touchpoint.name}</Link>
        <span aria-hidden="true"> / </span>History
      </nav>
      <div className="mb-6">
        <h1 className="text-2xl font-semibold tracking-tight">{metric.name}: every figure and every change</h1>
        <p className="mt-1 text-sm text-slate-600">
          {metric.touchpoint.department.name} · {metric.entries.length} periods shown, newest first
          {metric.archivedAt && " · archived metric"}
        </p>
      </div>
      {metric.entries.length === 0 ? (
        <EmptyState title="No figures yet">Figures appear here once someone enters them.</EmptyState>
      ) : (
        <HistoryTable
          metric={metric}
          granularity={settings.periodGranularity}
          editHref={canWriteEntries(user, metric.touchpoint.departmentId) && !metric.archivedAt ? `/entry?department=${metric.touchpoint.departmentId}` : null}
        />
      )}
    </>
  );
}
