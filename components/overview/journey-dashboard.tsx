"use client";

import { useMemo, useState } from "react";
import type { JourneyOverview, Overview } from "@/lib/data/overview";
import { rollUp, whatIf } from "@/lib/scoring/journey";
import { periodPhrase } from "@/lib/scoring/overview-headline";
import { setJourneyFollowingAction } from "@/app/(app)/overview/actions";
import { useFollowing } from "@/components/follow/follow-button";
import { EmptyState } from "@/components/ui/empty-state";
import { DepartmentTable } from "./department-table";
import { DragChart } from "./drag-chart";
import { InfluenceHeatmap } from "./influence-heatmap";
import { JourneyHeadline } from "./journey-headline";
import { JourneyMap } from "./journey-map";
import { RiskLists } from "./risk-lists";
import { TrendChart } from "./trend-chart";
import { WhatIfPanel } from "./what-if-panel";

/** One journey for one period; owns the what-if lifts, which reset when the period or journey changes. */
export function JourneyDashboard({ overview, journey, following = false }: { overview: Overview; journey: JourneyOverview; following?: boolean }) {
  const [lifts, setLifts] = useState<Record<number, number>>({});
  const follow = useFollowing({ what: "journey", name: journey.name, following, action: setJourneyFollowingAction, subject: { journeyId: journey.id } });
  const base = useMemo(() => rollUp(journey.touchpoints), [journey.touchpoints]);
  const lifting = Object.values(lifts).some((v) => v > 0);
  const scenario = useMemo(
    () => (lifting ? whatIf(base, new Map(Object.entries(lifts).map(([id, percent]) => [Number(id), percent / 100]))) : null),
    [base, lifts, lifting],
  );

  if (journey.touchpoints.length === 0) {
    return (
      <EmptyState title={`${journey.name} has no touchpoints yet`}>
        {journey.stages.length === 0
          ? "An admin adds its stages, from the customer's first contact to the last, and then the touchpoints in each stage."
          : `Its stages are ${journey.stages.map((s) => s.name).join(" → ")}. An admin adds the touchpoints in each stage and the metrics that measure them.`}
      </EmptyState>
    );
  }

  const periodLabel = periodPhrase(overview.period?.label ?? "");
  return (
    <div className="space-y-4 sm:space-y-6">
      <JourneyHeadline
        journey={journey}
        view={overview.view}
        base={base}
        periodLabel={periodLabel}
        follow={follow}
      />
      <DragChart journey={journey} scored={base} />
      <JourneyMap journey={journey} />
      <TrendChart journey={journey} view={overview.view} />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(16rem,1fr)] print:block">
        <DepartmentTable journey={journey} scored={scenario ?? base} whatIf={scenario !== null} />
        <WhatIfPanel
          departments={journey.departments}
          lifts={lifts}
          onChange={(id, percent) => setLifts((current) => ({ ...current, [id]: percent }))}
          onReset={() => setLifts({})}
          base={base}
          scenario={scenario}
          judged={journey.periodStatus !== "partial"}
        />
      </div>
      <InfluenceHeatmap influence={journey.influence} />
      <RiskLists journey={journey} view={overview.view} />
    </div>
  );
}
