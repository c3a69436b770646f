import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { OverviewDashboard } from "@/components/overview/overview-dashboard";
import { requireUser } from "@/lib/auth/session";
import { listFollowedJourneyIds } from "@/lib/data/follows";
import { getOverview } from "@/lib/data/overview";
import { canConfigureOrganisation, canViewOverview } from "@/lib/permissions";
import { parseOverviewParams } from "@/lib/validation/overview";

export const metadata: Metadata = { title: "Overview" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** First render on the server; later changes of journey, view or period fetch /api/overview. */
export default async function OverviewPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!canViewOverview(user)) forbidden();
  const raw = await searchParams;
  const { params, problems } = parseOverviewParams(raw);
  const [overview, followed] = await Promise.all([getOverview(params, problems), listFollowedJourneyIds(user)]);
  // Repeated parameters kept: the browser's first fetch must ask what this render answered (and its notices).
  const search = new URLSearchParams(Object.entries(raw).flatMap(([k, v]) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x) => [k, x])))).toString();
  return <OverviewDashboard initial={overview} initialSearch={search} canSetUp={canConfigureOrganisation(user)} followedJourneyIds={followed} />;
}
