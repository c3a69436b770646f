import { describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { DEMO_USERS } from "../../prisma/seed/demo-organisation";
import { DEMO_WEEKS, SLOWDOWN_START, SLOWDOWN_WEEKS } from "../../prisma/seed/demo-story";

describe("demo seed", () => {
  it("loads the demo organisation", async () => {
    const counts = {
      organisations: await db.organisation.count(),
      departments: await db.department.count(),
      users: await db.user.count(),
      journeys: await db.journey.count(),
      stages: await db.stage.count(),
      touchpoints: await db.touchpoint.count(),
      metrics: await db.metric.count(),
      entries: await db.metricEntry.count(),
      revisions: await db.entryRevision.count(),
    };
    expect(counts).toEqual({
      organisations: 1,
      departments: 9,
      users: 10,
      journeys: 2,
      stages: 11,
      touchpoints: 17,
      metrics: 31,
      entries: 31 * DEMO_WEEKS,
      revisions: 31 * DEMO_WEEKS,
    });
  });

  it("has a user for every role, and heads belong to the departments they run", async () => {
    const users = await db.user.findMany({ select: { email: true, role: true, memberships: { select: { department: { select: { slug: true } } } } } });
    expect(new Set(users.map((u) => u.role))).toEqual(new Set(["ADMIN", "EXECUTIVE", "DEPARTMENT_HEAD", "VIEWER"]));
    for (const demo of DEMO_USERS) {
      const user = users.find((u) => u.email === demo.email)!;
      expect(user.role).toBe(demo.role);
      expect(user.memberships.map((m) => m.department.slug).sort()).toEqual([...demo.departments].sort());
    }
  });

  it("records the story's process changes, each by a head of the departments it affects", async () => {
    const changes = await db.processChange.findMany({
      orderBy: { effectiveDate: "asc" },
      select: {
        title: true,
        effectiveDate: true,
        author: { select: { memberships: { select: { departmentId: true } } } },
        touchpoints: { select: { touchpoint: { select: { departmentId: true } } } },
      },
    });
    expect(changes.map((c) => [c.title, c.effectiveDate.toISOString().slice(0, 10)])).toEqual([
      ["One-page checkout on the website and app", "2025-08-05"],
      // The week the kitchen slowdown's peak ends (SLOWDOWN_START + 11).
      ["Second expediter on the pass at dinner service", "2026-07-01"],
      ["Restroom checks handed to the cleaning contractor", "2026-09-24"],
    ]);
    for (const c of changes) {
      const own = c.author!.memberships.map((m) => m.departmentId);
      expect(c.touchpoints.every((t) => own.includes(t.touchpoint.departmentId))).toBe(true);
    }
  });

  it("tells the kitchen story: ticket times climb, and food ratings fall a week later", async () => {
    const series = async (metric: string) =>
      (
        await db.metricEntry.findMany({
          where: { metric: { name: metric, touchpoint: { name: "Food" } } },
          orderBy: { periodStart: "asc" },
          select: { value: true },
        })
      ).map((e) => e.value);
    const ticket = await series("Ticket time");
    const rating = await series("Food rating");
    expect(ticket).toHaveLength(DEMO_WEEKS);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const before = ticket.slice(0, SLOWDOWN_START);
    const during = ticket.slice(SLOWDOWN_START + 6, SLOWDOWN_START + SLOWDOWN_WEEKS);
    expect(mean(during) - mean(before)).toBeGreaterThan(10);
    // The worst food rating comes one week after the worst ticket time.
    const worstTicket = ticket.indexOf(Math.max(...ticket));
    const worstRating = rating.indexOf(Math.min(...rating));
    expect(Math.abs(worstRating - (worstTicket + 1))).toBeLessThanOrEqual(4);
    expect(mean(rating.slice(SLOWDOWN_START + 7, SLOWDOWN_START + SLOWDOWN_WEEKS + 1))).toBeLessThan(mean(rating.slice(0, SLOWDOWN_START)) - 0.5);
  });
});
