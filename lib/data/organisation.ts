import { db } from "../db";
import type { PeriodGranularity } from "../domain";

export type OrganisationSettings = {
  name: string;
  periodGranularity: PeriodGranularity;
  momentOfTruthMultiplier: number;
  bandGoodMin: number;
  bandFairMin: number;
};

/** Defaults for a database that has no organisation row yet (before first-run set-up). */
export const DEFAULT_SETTINGS: OrganisationSettings = {
  name: "Touchline",
  periodGranularity: "WEEK",
  momentOfTruthMultiplier: 2,
  bandGoodMin: 75,
  bandFairMin: 60,
};

export async function getOrganisationSettings(): Promise<OrganisationSettings> {
  const row = await db.organisation.findUnique({
    where: { id: 1 },
    select: { name: true, periodGranularity: true, momentOfTruthMultiplier: true, bandGoodMin: true, bandFairMin: true },
  });
  return row ?? DEFAULT_SETTINGS;
}
