import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { JourneyCard } from "@/components/overview/journey-card";
import { PeriodPicker } from "@/components/overview/period-picker";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { getOrganisationSettings } from "@/lib/data/organisation";
import { getOverview } from "@/lib/data/overview";
import { addPeriods, currentPeriod, formatPeriod, isEnterablePeriod, parsePeriodKey, toPeriodKey } from "@/lib/periods";
import { canViewOverview } from "@/lib/permissions";

export const metadata: Metadata = { title: "Overview" };

/** How far back the period picker reaches (a year and a half of weeks). */
const PICKER_PERIODS = 78;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OverviewPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!canViewOverview(user)) forbidden();
  const settings = await getOrganisationSettings();
  const granularity = settings.periodGranularity;
  const raw = (await searchParams).period;
  const requested = typeof raw === "string" ? parsePeriodKey(raw) : null;
  const chosen = requested && isEnterablePeriod(requested, granularity) ? requested : undefined;
  const { period, journeys } = await getOverview(chosen);

  const latest = currentPeriod(granularity);
  const periods = Array.from({ length: PICKER_PERIODS }, (_, i) => addPeriods(latest, -i, granularity)).map((p) => ({ key: toPeriodKey(p), label: formatPeriod(p, granularity) }));
  if (period && !periods.some((p) => p.key === toPeriodKey(period))) periods.push({ key: toPeriodKey(period), label: formatPeriod(period, granularity) });

  return (
    <>
      <PageHeader
        title="Journey overview"
        description={
          period
            ? `${settings.name} · ${formatPeriod(period, granularity)}${chosen ? "" : ", the newest period with at least half the figures in"}`
            : settings.name
        }
      >
        {period && <PeriodPicker periods={periods} value={toPeriodKey(period)} />}
      </PageHeader>
      {requested && !chosen && (
        <p role="status" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {String(raw)} is not a period start or is in the future; showing the latest period instead.
        </p>
      )}
      {journeys.length === 0 ? (
        <EmptyState title="No journeys yet">
          An admin sets up journeys, stages and touchpoints. Until then there is nothing to roll up.
        </EmptyState>
      ) : (
        <div className="space-y-6">
          {journeys.map((journey) => (
            <JourneyCard key={journey.id} journey={journey} />
          ))}
        </div>
      )}
    </>
  );
}
