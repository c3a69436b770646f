// First run: a database with no organisation and no one in it. The first visitor either sets up
// their organisation and becomes its admin, or loads the demo organisation to look around. Both
// create the organisation row (id 1) first, in one transaction with everything else, so exactly
// one first run can ever succeed: a second, racing one fails on that primary key.
import { hashPassword } from "../auth/password";
import { db } from "../db";
import { conflict, forbidden } from "../errors";
import { canConfigureOrganisation, type Actor } from "../permissions";
import type { FirstRunInput } from "../validation/setup";
import { recordAudit } from "./audit";
import { isUniqueViolation } from "./prisma-errors";
import { DEMO_PASSWORD, DEMO_USERS } from "../../prisma/seed/demo-organisation";
import { seedDemo } from "../../prisma/seed/seed-demo";

const ALREADY_SET_UP = "Touchline has already been set up. Sign in, or ask an admin for an invitation.";

export async function needsFirstRun(): Promise<boolean> {
  const [organisations, users] = await Promise.all([db.organisation.count(), db.user.count()]);
  return organisations === 0 && users === 0;
}

async function asFirstRun<T>(work: () => Promise<T>): Promise<T> {
  if (!(await needsFirstRun())) throw conflict(ALREADY_SET_UP);
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(ALREADY_SET_UP);
    throw error;
  }
}

/** Creates the organisation and its first admin; returns the email to sign in with. */
export async function completeFirstRun(input: FirstRunInput): Promise<{ email: string }> {
  return asFirstRun(async () => {
    const passwordHash = await hashPassword(input.password); // slow on purpose: outside the transaction
    return db.$transaction(async (tx) => {
      await tx.organisation.create({ data: { id: 1, name: input.organisationName, periodGranularity: input.periodGranularity } });
      const admin = await tx.user.create({ data: { email: input.email, name: input.name, passwordHash, role: "ADMIN" }, select: { id: true } });
      await recordAudit(tx, { id: admin.id, role: "ADMIN", departmentIds: [] }, {
        action: "organisation.create",
        entity: "Organisation",
        entityId: 1,
        after: { name: input.organisationName, periodGranularity: input.periodGranularity, firstAdmin: input.email },
      });
      return { email: input.email };
    });
  });
}

/** Loads the demo organisation (all of it or nothing); returns its admin's sign-in. */
export async function loadDemoOrganisation(now = new Date()): Promise<{ email: string; password: string }> {
  return asFirstRun(async () => {
    await db.$transaction((tx) => seedDemo(tx, { now }), { timeout: 120_000 });
    const admin = DEMO_USERS.find((u) => u.role === "ADMIN")!;
    return { email: admin.email, password: DEMO_PASSWORD };
  });
}

export type SetupProgress = {
  departments: number;
  journeys: number;
  stages: number;
  touchpoints: number;
  metrics: number;
  people: number;
  openInvitations: number;
  hasFigures: boolean;
};

/** How far the organisation's set-up has come: what the getting-started checklist ticks off. */
export async function getSetupProgress(actor: Actor, now = new Date()): Promise<SetupProgress> {
  if (!canConfigureOrganisation(actor)) throw forbidden("Only admins can set the organisation up.");
  const active = { archivedAt: null };
  const [departments, journeys, stages, touchpoints, metrics, people, openInvitations, figure] = await Promise.all([
    db.department.count({ where: active }),
    db.journey.count({ where: active }),
    db.stage.count({ where: { ...active, journey: active } }),
    db.touchpoint.count({ where: { ...active, stage: { ...active, journey: active } } }),
    db.metric.count({ where: { ...active, touchpoint: { ...active, stage: { ...active, journey: active } } } }),
    db.user.count({ where: { active: true } }),
    db.invitation.count({ where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: now } } }),
    db.metricEntry.findFirst({ select: { id: true } }),
  ]);
  return { departments, journeys, stages, touchpoints, metrics, people, openInvitations, hasFigures: figure !== null };
}
