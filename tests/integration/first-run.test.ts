import { describe, expect, it } from "vitest";
import { completeFirstRun, getSetupProgress, loadDemoOrganisation, needsFirstRun } from "../../lib/data/setup";
import { db } from "../../lib/db";
import { firstRunSchema } from "../../lib/validation/setup";
import { wipeDatabase } from "../../prisma/seed/seed-demo";
import { actorFor, authorize, refusal } from "./helpers";

const PASSWORD = "north star kitchen";
const firstRun = (email: string, organisationName = "Corner Bistro") =>
  firstRunSchema.parse({ organisationName, periodGranularity: "MONTH", name: "Robin Owner", email, password: PASSWORD, confirmPassword: PASSWORD });
const ALREADY = "Touchline has already been set up. Sign in, or ask an admin for an invitation.";

describe("first run", () => {
  it("is not offered on a database that has an organisation", async () => {
    expect(await needsFirstRun()).toBe(false);
    expect(await refusal(completeFirstRun(firstRun("intruder@example.com")))).toMatchObject({ code: "conflict", message: ALREADY });
    expect(await refusal(loadDemoOrganisation())).toMatchObject({ code: "conflict" });
    expect(await db.user.count({ where: { email: "intruder@example.com" } })).toBe(0);
  });

  it("makes the organisation and its first admin on an empty database, once", async () => {
    await wipeDatabase(db);
    expect(await needsFirstRun()).toBe(true);
    await completeFirstRun(firstRun("robin@example.com"));
    expect(await db.organisation.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ name: "Corner Bistro", periodGranularity: "MONTH" });
    expect(await authorize({ email: "robin@example.com", password: PASSWORD })).toMatchObject({ name: "Robin Owner" });
    const robin = await actorFor("robin@example.com");
    expect(robin.role).toBe("ADMIN");
    expect(await db.auditEvent.findFirst({ where: { action: "organisation.create", actorId: robin.id } })).not.toBeNull();
    expect(await needsFirstRun()).toBe(false);
    expect(await refusal(completeFirstRun(firstRun("second@example.com")))).toMatchObject({ code: "conflict" });
    // The checklist starts from nothing but its admin.
    expect(await getSetupProgress(robin)).toEqual({ departments: 0, journeys: 0, stages: 0, touchpoints: 0, metrics: 0, people: 1, openInvitations: 0, hasFigures: false });
  });

  it("lets exactly one of two racing first runs win", async () => {
    await wipeDatabase(db);
    const results = await Promise.allSettled([completeFirstRun(firstRun("one@example.com", "One")), completeFirstRun(firstRun("two@example.com", "Two"))]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "conflict", message: ALREADY });
    expect(await db.user.count()).toBe(1);
    expect(await db.organisation.count()).toBe(1);
  });

  it("loads the whole demo organisation instead, and signs in as its admin", async () => {
    await wipeDatabase(db);
    const { email, password } = await loadDemoOrganisation();
    expect(await authorize({ email, password })).toMatchObject({ email: "admin@touchline.demo" });
    const admin = await actorFor(email);
    const progress = await getSetupProgress(admin);
    expect(progress).toMatchObject({ departments: 9, journeys: 2, stages: 11, touchpoints: 17, metrics: 31, people: 10, hasFigures: true });
    expect(await needsFirstRun()).toBe(false);
  });

  it("shows the checklist to admins only", async () => {
    for (const email of ["exec@touchline.demo", "kitchen@touchline.demo", "viewer@touchline.demo"]) {
      expect((await refusal(getSetupProgress(await actorFor(email)))).code).toBe("forbidden");
    }
  });
});
