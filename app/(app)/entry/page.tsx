import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { EntryWorkspace } from "@/components/entry/entry-workspace";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { getEntrySheet, getWritableDepartments } from "@/lib/data/entry-sheet";
import { getOrganisationSettings } from "@/lib/data/organisation";
import { addPeriods, currentPeriod, formatPeriod, isEnterablePeriod, parsePeriodKey, toPeriodKey } from "@/lib/periods";
import { canLockPeriods, canUseEntry } from "@/lib/permissions";

export const metadata: Metadata = { title: "Metric entry" };

/** How many recent periods the picker offers; older ones are reached from a figure's history. */
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

  const department = params.department === undefined ? departments[0]! : departments.find((d) => d.id === Number(params.department));
  // Another department's id in the URL: refuse rather than silently show a different one.
  if (!department) forbidden();

  const latest = currentPeriod(granularity);
  const requested = typeof params.period === "string" ? parsePeriodKey(params.period) : null;
  const period = requested && isEnterablePeriod(requested, granularity) ? requested : latest;
  // The recent periods, plus an older one reached from a figure's history.
  const choices = Array.from({ length: PERIOD_CHOICES }, (_, i) => addPeriods(latest, -i, granularity));
  if (!choices.some((p) => p.getTime() === period.getTime())) choices.push(period);
  const periods = choices.map((p) => ({ key: toPeriodKey(p), label: formatPeriod(p, granularity) }));

  const initial = await getEntrySheet(department.id, period, granularity);
  return <EntryWorkspace departments={departments} periods={periods} initial={initial} canLock={canLockPeriods(user)} />;
}
