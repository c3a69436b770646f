import { describe, expect, it } from "vitest";
import { listAuditEvents } from "../../lib/data/audit";
import { getOrganisationSettings, updateOrganisationSettings } from "../../lib/data/organisation";
import { db } from "../../lib/db";
import { actorFor, refusal } from "./helpers";

const settings = { name: "Harbour & Vine", periodGranularity: "WEEK" as const, momentOfTruthMultiplier: 3, bandGoodMin: 80, bandFairMin: 65 };

describe("organisation settings", () => {
  it("saves the weighting and bands, audited", async () => {
    const admin = await actorFor("admin@touchline.demo");
    await updateOrganisationSettings(admin, settings);
    expect(await getOrganisationSettings()).toEqual(settings);
    const [event] = (await listAuditEvents(admin)).events;
    expect(event).toMatchObject({ action: "organisation.update", before: { momentOfTruthMultiplier: 2, bandGoodMin: 75 }, after: { momentOfTruthMultiplier: 3, bandGoodMin: 80 } });
  });

  it("keeps the period granularity once figures exist, and lets it change before the first", async () => {
    const admin = await actorFor("admin@touchline.demo");
    const error = await refusal(updateOrganisationSettings(admin, { ...settings, periodGranularity: "MONTH" }));
    expect(error.code).toBe("invalid");
    expect(error.message).toMatch(/^Figures are already entered by week\./);
    expect((await getOrganisationSettings()).periodGranularity).toBe("WEEK");

    await db.entryRevision.deleteMany();
    await db.metricEntry.deleteMany();
    await updateOrganisationSettings(admin, { ...settings, periodGranularity: "MONTH" });
    expect((await getOrganisationSettings()).periodGranularity).toBe("MONTH");
  });

  it("refuses every role but admin", async () => {
    for (const email of ["exec@touchline.demo", "kitchen@touchline.demo", "viewer@touchline.demo"]) {
      expect((await refusal(updateOrganisationSettings(await actorFor(email), settings))).code).toBe("forbidden");
    }
  });
});
