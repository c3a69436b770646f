"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useCallback } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import type { Overview } from "@/lib/data/overview";
import { formatPeriod, parsePeriodKey } from "@/lib/periods";
import { JourneyDashboard } from "./journey-dashboard";
import { OverviewControls, type OverviewLink } from "./overview-controls";

const PARAMS = ["journey", "view", "period", "from"] as const;

/** The overview's own parameters from a query string, in a stable order: the query key. */
function normalise(search: URLSearchParams): string {
  const out = new URLSearchParams();
  for (const name of PARAMS) {
    const value = search.get(name);
    if (value) out.set(name, value);
  }
  return out.toString();
}

async function fetchOverview(search: string, signal: AbortSignal): Promise<Overview> {
  const response = await fetch(`/api/overview${search ? `?${search}` : ""}`, { signal });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body?.error ?? `The overview could not be loaded (HTTP ${response.status}).`);
  return body as Overview;
}

/**
 * The overview's state lives in the URL (?journey=&view=&period=&from=), so every view is a link
 * and the back button works; changes push a history entry and TanStack Query fetches the data.
 */
export function OverviewDashboard({
  initial,
  initialSearch,
  canSetUp = false,
  followedJourneyIds = [],
}: {
  initial: Overview;
  initialSearch: string;
  canSetUp?: boolean;
  /** The journeys the signed-in person follows (their Follow buttons start pressed). */
  followedJourneyIds?: readonly number[];
}) {
  const searchParams = useSearchParams();
  const search = normalise(searchParams);
  const initialKey = normalise(new URLSearchParams(initialSearch));
  const query = useQuery({
    queryKey: ["overview", search],
    queryFn: ({ signal }) => fetchOverview(search, signal),
    initialData: search === initialKey ? initial : undefined,
    placeholderData: keepPreviousData,
  });

  /** Sets (value), clears (null) or keeps (absent/undefined) each parameter, and pushes the link. */
  const navigate = useCallback(
    (link: OverviewLink) => {
      const next = new URLSearchParams(search);
      for (const name of PARAMS) {
        const value = link[name];
        if (value === undefined) continue;
        if (value === null || value === "") next.delete(name);
        else next.set(name, String(value));
      }
      window.history.pushState(null, "", `?${normalise(next)}`);
    },
    [search],
  );

  const overview = query.data ?? initial;
  const period = overview.period ? parsePeriodKey(overview.period.key) : null;
  return (
    <div aria-busy={query.isFetching}>
      <PageHeader
        title="Journey overview"
        description={
          period && overview.hasFigures && overview.journey
            ? `${overview.organisation} · ${formatPeriod(period, overview.view)}${overview.automaticPeriod ? ", the newest period with at least half the figures in" : ""}`
            : overview.organisation
        }
      >
        {overview.journey && overview.hasFigures && <OverviewControls overview={overview} navigate={navigate} />}
      </PageHeader>

      <div role="status" aria-live="polite" className="sr-only">
        {query.isFetching ? "Updating the overview…" : ""}
      </div>
      {query.isError && (
        <div role="alert" className="mb-4 flex flex-wrap items-center justify-between gap-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
          <span>{query.error.message} The figures below are from before the change.</span>
          <Button variant="secondary" onClick={() => query.refetch()}>Try again</Button>
        </div>
      )}
      {overview.notices.map((notice) => (
        <p key={notice} role="status" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm wrap-anywhere text-amber-900">
          {notice}
        </p>
      ))}

      {!overview.journey ? (
        <EmptyState title="No journeys yet">
          Touchline rolls touchpoints up into customer journeys. An admin sets up departments, a journey with its stages,
          and the touchpoints and metrics each department owns; then department heads enter their figures.
          {canSetUp && (
            <p className="mt-4">
              <Link href="/admin" className="inline-flex rounded-md bg-brand px-3.5 py-2 font-medium text-white hover:bg-brand-dark">Set up the organisation</Link>
            </p>
          )}
        </EmptyState>
      ) : !overview.hasFigures ? (
        <EmptyState title="No figures yet">
          The journeys are set up, but no department has entered a figure. Department heads enter them on the{" "}
          <Link href="/entry" className="font-medium text-brand underline">metric entry</Link> page, by CSV import or
          through the API; the overview fills in as soon as the first period has figures.
        </EmptyState>
      ) : (
        <div className={`transition-opacity ${query.isFetching ? "opacity-60" : ""}`}>
          <JourneyDashboard
            key={`${overview.journey.id}-${overview.view}-${overview.period?.key}`}
            overview={overview}
            journey={overview.journey}
            following={followedJourneyIds.includes(overview.journey.id)}
          />
        </div>
      )}
    </div>
  );
}
