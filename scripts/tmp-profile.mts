process.env.DATABASE_URL = "file:" + process.cwd() + "/data/bench-overview.db";
const { getOverview } = await import("../lib/data/overview");
const js = await import("../lib/data/journey-scores");
const { db } = await import("../lib/db");
const { addPeriods, currentPeriod, periodsBetween } = await import("../lib/periods");
const last = addPeriods(currentPeriod("WEEK"), -1, "WEEK");
const periods = periodsBetween(addPeriods(last, -26, "WEEK"), last, "WEEK");
async function t(name: string, f: () => Promise<unknown>) {
  await f();
  const xs: number[] = [];
  for (let i = 0; i < 7; i++) { const s = performance.now(); await f(); xs.push(performance.now() - s); }
  xs.sort((a, b) => a - b);
  console.log(name.padEnd(30), xs[3]!.toFixed(1), "ms");
}
await t("overview", () => getOverview({ period: last }));
const { getOrganisationSettings } = await import("../lib/data/organisation");
await t("settings", () => getOrganisationSettings());
await t("heads", () => db.departmentMembership.findMany({ where: { departmentId: { in: [1,2,3] }, user: { role: "DEPARTMENT_HEAD", active: true } }, select: { departmentId: true, user: { select: { name: true } } }, orderBy: { user: { name: "asc" } } }));
await t("count metrics", () => db.metric.count({ where: { archivedAt: null, touchpoint: { archivedAt: null } } }));

await t("structures", () => js.getJourneyStructures());
await t("figures", () => js.getFiguresByPeriod(periods, "WEEK", "WEEK"));
await t("raw group by", () => db.$queryRaw`SELECT "metricId", "periodStart", AVG("value") FROM "MetricEntry" WHERE "periodStart" >= ${periods[0]} AND "periodStart" <= ${last} GROUP BY "metricId", "periodStart"`);
const s = await js.getJourneyStructures();
const f = await js.getFiguresByPeriod(periods, "WEEK", "WEEK");
await t("score 27 periods x1 journey", async () => js.scoreOverPeriods(s[0]!, periods, f, 2));
await t("influence", async () => js.departmentInfluence(s[0]!, js.scoreOverPeriods(s[0]!, periods, f, 2)));
await t("reporting period (count+groupBy)", () => db.metricEntry.groupBy({ by: ["periodStart"], where: { periodStart: { gte: addPeriods(last, -12, "WEEK") }, metric: { archivedAt: null, touchpoint: { archivedAt: null } } }, _count: { _all: true }, orderBy: { periodStart: "desc" } }));
await t("last figures (100 tps)", () => js.getLastFigurePeriods(s[0]!.touchpoints.map((t) => t.id), last));
await t("raw structure", () => db.$queryRaw`SELECT j.id AS "journeyId", s.id AS "stageId", s.position, t.id AS "touchpointId", t.name, t."departmentId", t.weight, t."momentOfTruth", m.id AS "metricId", m.weight AS "metricWeight", m."scaleBest", m."scaleWorst", m.target, m."warningThreshold" FROM "Journey" j JOIN "Stage" s ON s."journeyId" = j.id JOIN "Touchpoint" t ON t."stageId" = s.id LEFT JOIN "Metric" m ON m."touchpointId" = t.id AND m."archivedAt" IS NULL WHERE j."archivedAt" IS NULL AND s."archivedAt" IS NULL AND t."archivedAt" IS NULL`);
await t("reporting raw join", () => db.$queryRaw`SELECT e."periodStart", COUNT(*) AS n FROM "MetricEntry" e JOIN "Metric" m ON m.id = e."metricId" AND m."archivedAt" IS NULL JOIN "Touchpoint" t ON t.id = m."touchpointId" AND t."archivedAt" IS NULL WHERE e."periodStart" >= ${addPeriods(last, -12, "WEEK")} GROUP BY e."periodStart"`);
await t("figures no samples", () => db.$queryRaw`SELECT e."metricId", e."periodStart", AVG(e."value") AS "value" FROM "MetricEntry" e WHERE e."periodStart" >= ${periods[0]} AND e."periodStart" <= ${last} GROUP BY e."metricId", e."periodStart"`);
process.exit(0);
