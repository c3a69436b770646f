// Per-department keys for the ingest API. A key is shown once, when created; only its SHA-256
// hash and a short prefix (to tell keys apart in lists) are stored.
import { db } from "../db";
import { forbidden, notFound } from "../errors";
import { canManageApiKeys, type Actor } from "../permissions";
import { hashSecret, newSecret } from "../secrets";
import { recordAudit } from "./audit";

const KEY_PREFIX = "tl_";
/** Characters of the key kept in the clear for lists: "tl_" + 8. */
const SHOWN_CHARACTERS = 11;

export const hashApiKey = hashSecret;

export type ApiKeySummary = {
  id: number;
  name: string;
  prefix: string;
  createdBy: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

export async function listApiKeys(actor: Actor, departmentId: number): Promise<ApiKeySummary[]> {
  if (!canManageApiKeys(actor, departmentId)) throw forbidden("You can only manage API keys for the departments you head.");
  const keys = await db.apiKey.findMany({
    where: { departmentId },
    orderBy: [{ revokedAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true, createdBy: { select: { name: true } } },
  });
  return keys.map(({ createdBy, ...k }) => ({ ...k, createdBy: createdBy?.name ?? null }));
}

/** Creates a key and returns it in full: the only time anyone sees it. */
export async function createApiKey(actor: Actor, { departmentId, name }: { departmentId: number; name: string }) {
  if (!canManageApiKeys(actor, departmentId)) throw forbidden("You can only create API keys for the departments you head.");
  const department = await db.department.findFirst({ where: { id: departmentId, archivedAt: null }, select: { id: true } });
  if (!department) throw notFound("That department does not exist or has been archived.");
  // 30 random bytes → 40 base64url characters: 240 bits.
  const key = KEY_PREFIX + newSecret(30);
  const created = await db.$transaction(async (tx) => {
    const row = await tx.apiKey.create({
      data: { departmentId, name, prefix: key.slice(0, SHOWN_CHARACTERS), hash: hashApiKey(key), createdById: actor.id },
      select: { id: true, prefix: true, name: true },
    });
    // The prefix tells keys apart; the key itself is never recorded.
    await recordAudit(tx, actor, { action: "api-key.create", entity: "ApiKey", entityId: row.id, after: { departmentId, name, prefix: row.prefix } });
    return row;
  });
  return { ...created, key };
}

export async function revokeApiKey(actor: Actor, { id }: { id: number }) {
  const key = await db.apiKey.findUnique({ where: { id }, select: { departmentId: true, revokedAt: true } });
  if (!key) throw notFound("That API key does not exist.");
  if (!canManageApiKeys(actor, key.departmentId)) throw forbidden("You can only revoke API keys for the departments you head.");
  await db.$transaction(async (tx) => {
    const now = new Date();
    // Conditional, so two revokes at once record one.
    const { count } = await tx.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
    if (count === 1) await recordAudit(tx, actor, { action: "api-key.revoke", entity: "ApiKey", entityId: id, before: { revokedAt: null }, after: { revokedAt: now } });
  });
  return { id };
}

/**
 * The key behind an `Authorization: Bearer …` value, if it is live, as an actor that may write
 * its department's figures. Lookup is by hash, so the stored value is never compared to the key.
 */
export async function authenticateApiKey(bearer: string) {
  if (!bearer.startsWith(KEY_PREFIX) || bearer.length > 200) return null;
  const key = await db.apiKey.findUnique({
    where: { hash: hashApiKey(bearer) },
    select: { id: true, departmentId: true, revokedAt: true, department: { select: { archivedAt: true } } },
  });
  if (!key || key.revokedAt || key.department.archivedAt) return null;
  // lastUsedAt is written with the figures, in their transaction (writeEntries): a request that is
  // refused writes nothing, and an accepted one waits for the database's write lock once.
  // Permissions of a head of the key's department. The id is never recorded: saveEntries is given
  // apiKeyId, and then the key is the author of entries and revisions.
  const actor: Actor = { id: 0, role: "DEPARTMENT_HEAD", departmentIds: [key.departmentId] };
  return { apiKeyId: key.id, departmentId: key.departmentId, actor };
}
