import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { JourneyCard } from "@/components/overview/journey-card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { getOrganisationSettings } from "@/lib/data/organisation";
import { getOverview } from "@/lib/data/overview";
import { formatPeriod } from "@/lib/periods";
import { canViewOverview } from "@/lib/permissions";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const user = await requireUser();
  if (!canViewOverview(user)) forbidden();
  const [settings, { period, journeys }] = await Promise.all([getOrganisationSettings(), getOverview()]);

  return (
    <>
      <PageHeader
        title="Journey overview"
        description={period ? `${settings.name} · ${formatPeriod(period, settings.periodGranularity)}, the newest period with at least half the figures in` : settings.name}
      />
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
