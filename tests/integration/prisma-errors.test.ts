import { describe, expect, it } from "vitest";
import { isUniqueViolation } from "../../lib/data/prisma-errors";
import { db } from "../../lib/db";

describe("isUniqueViolation", () => {
  it("recognises a duplicate inserted through Prisma and through raw SQL, and nothing else", async () => {
    const entry = await db.metricEntry.findFirstOrThrow();
    const viaPrisma = await db.metricEntry
      .create({ data: { metricId: entry.metricId, periodStart: entry.periodStart, value: 1 } })
      .catch((e: unknown) => e);
    expect(isUniqueViolation(viaPrisma)).toBe(true);

    const viaRaw = await db.$executeRaw`
      INSERT INTO "MetricEntry" ("metricId", "periodStart", "value", "source", "version", "createdAt", "updatedAt")
      VALUES (${entry.metricId}, ${entry.periodStart}, 1, ${entry.source}, 1, ${new Date()}, ${new Date()})`.catch((e: unknown) => e);
    expect(isUniqueViolation(viaRaw)).toBe(true);

    const notFound = await db.metricEntry.update({ where: { id: -1 }, data: { value: 1 } }).catch((e: unknown) => e);
    expect(isUniqueViolation(notFound)).toBe(false);
    expect(isUniqueViolation(new Error("P2002"))).toBe(false);
  });
});
