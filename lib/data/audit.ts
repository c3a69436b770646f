// The audit log: every change to the organisation's set-up, who made it, and the record before
// and after. Written inside the change's own transaction, so there is no change without its entry.
import { db, type Tx } from "../db";
import { forbidden } from "../errors";
import { canConfigureOrganisation, type Actor } from "../permissions";

export type AuditChange = { action: string; entity: string; entityId: number | null; before?: unknown; after?: unknown };

export async function recordAudit(tx: Tx, actor: Actor, change: AuditChange): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: actor.id,
      action: change.action,
      entity: change.entity,
      entityId: change.entityId,
      before: change.before === undefined ? null : JSON.stringify(change.before),
      after: change.after === undefined ? null : JSON.stringify(change.after),
    },
  });
}

export const AUDIT_PAGE_SIZE = 50;

export type AuditEntry = {
  id: number;
  at: string;
  actor: string | null;
  action: string;
  entity: string;
  entityId: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

/** Newest first, a page at a time (page 1 is the newest). */
export async function listAuditEvents(actor: Actor, page = 1): Promise<{ events: AuditEntry[]; total: number }> {
  if (!canConfigureOrganisation(actor)) throw forbidden("Only admins can read the audit log.");
  const [rows, total] = await Promise.all([
    db.auditEvent.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: { id: true, createdAt: true, action: true, entity: true, entityId: true, before: true, after: true, actor: { select: { name: true } } },
    }),
    db.auditEvent.count(),
  ]);
  const parse = (json: string | null) => (json === null ? null : (JSON.parse(json) as Record<string, unknown>));
  return {
    total,
    events: rows.map((r) => ({ id: r.id, at: r.createdAt.toISOString(), actor: r.actor?.name ?? null, action: r.action, entity: r.entity, entityId: r.entityId, before: parse(r.before), after: parse(r.after) })),
  };
}
