// Twenty operational systems posting overlapping figures at once (issue 11). Without
// expectedVersion a batch is unconditional: every one is saved, whole, and the last one written
// wins every figure it names. With expectedVersion exactly one writer of a version wins; the others
// get 409 and write nothing. The history of each figure stays a single unbroken chain.
import { describe, expect, it } from "vitest";
import { POST } from "../../app/api/v1/entries/route";
import { createApiKey } from "../../lib/data/api-keys";
import { db } from "../../lib/db";
import { addPeriods, parsePeriodKey, toPeriodKey } from "../../lib/periods";
import { actorFor, metricNamed } from "./helpers";

const WRITERS = 20;
const OPEN_WEEK = "2026-11-23";
const EARLIER_WEEKS = [1, 2].map((back) => toPeriodKey(addPeriods(parsePeriodKey(OPEN_WEEK)!, -back, "WEEK")));

async function kitchenKey() {
  const kai = await actorFor("kitchen@touchline.demo");
  return (await createApiKey(kai, { departmentId: kai.departmentIds[0]!, name: `Till ${Math.random()}` })).key;
}

const post = (key: string, entries: unknown[]) =>
  POST(
    new Request("http://localhost/api/v1/entries", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
      body: JSON.stringify({ entries }),
    }),
  );

/** Two Kitchen metrics in three weeks: two weeks with figures already, one without (inserts race). */
async function overlappingFigures() {
  const metrics = await Promise.all([metricNamed("Food", "Ticket time"), metricNamed("Food", "Food complaints")]);
  return metrics.flatMap((m) => [OPEN_WEEK, ...EARLIER_WEEKS].map((periodStart) => ({ metricId: m.id, periodStart })));
}

/** Writer i's value (a whole number both metrics accept): which batch a stored figure came from. */
const valueOf = (writer: number) => 10 + writer;
const writerOf = (value: number) => value - 10;

async function stored(figures: { metricId: number; periodStart: string }[]) {
  return Promise.all(
    figures.map((f) =>
      db.metricEntry.findUnique({
        where: { metricId_periodStart: { metricId: f.metricId, periodStart: parsePeriodKey(f.periodStart)! } },
        include: { revisions: { orderBy: { id: "asc" } } },
      }),
    ),
  );
}

/** Each revision starts from the value the one before it left, ends at the stored value, one version each. */
function expectUnbrokenHistory(entry: NonNullable<Awaited<ReturnType<typeof stored>>[number]>, revisionsBefore: number) {
  const revisions = entry.revisions;
  for (let k = 1; k < revisions.length; k++) expect(revisions[k]!.oldValue).toBe(revisions[k - 1]!.newValue);
  expect(revisions.at(-1)!.newValue).toBe(entry.value);
  expect(entry.version - revisionsBefore).toBe(revisions.length - revisionsBefore);
}

describe("parallel writers on overlapping figures", () => {
  it("without expectedVersion: every batch is saved whole and the last one wins each figure", async () => {
    const key = await kitchenKey();
    const figures = await overlappingFigures();
    const before = await stored(figures);

    const responses = await Promise.all(
      Array.from({ length: WRITERS }, (_, writer) =>
        post(key, figures.map((f) => ({ ...f, value: valueOf(writer), source: "OPERATIONAL" }))),
      ),
    );
    const statuses = await Promise.all(responses.map(async (r) => `${r.status} ${r.status === 200 ? "" : JSON.stringify(await r.json())}`.trim()));
    expect(statuses).toEqual(Array(WRITERS).fill("200"));

    const after = await stored(figures);
    // Batches did not interleave: every figure holds the same writer's value.
    const winners = new Set(after.map((entry) => writerOf(entry!.value)));
    expect(winners.size).toBe(1);
    after.forEach((entry, j) => {
      const existed = before[j] !== null;
      // Every writer's figure differs from the one before it: a change revision each, plus creation.
      expect(entry!.revisions.length).toBe((existed ? before[j]!.revisions.length : 1) + (existed ? WRITERS : WRITERS - 1));
      expectUnbrokenHistory(entry!, existed ? before[j]!.revisions.length : 0);
    });
  });

  it("with expectedVersion: one writer of each version wins, the others get 409 and write nothing", async () => {
    const key = await kitchenKey();
    const figures = await overlappingFigures();
    const before = await stored(figures);
    const expected = before.map((e) => e?.version ?? 0);

    const responses = await Promise.all(
      Array.from({ length: WRITERS }, (_, writer) =>
        post(key, figures.map((f, j) => ({ ...f, value: valueOf(writer), expectedVersion: expected[j] }))),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array(WRITERS - 1).fill(409)]);

    const after = await stored(figures);
    expect(new Set(after.map((entry) => writerOf(entry!.value))).size).toBe(1);
    after.forEach((entry, j) => {
      expect(entry!.version).toBe(expected[j]! + 1);
      expect(entry!.revisions.length).toBe((before[j]?.revisions.length ?? 0) + 1);
      expectUnbrokenHistory(entry!, before[j]?.revisions.length ?? 0);
    });
  });
});
