// Ingest API for operational systems: POST a batch of figures with a department's API key.
// Documented in docs/api.md.
import { authenticateApiKey } from "@/lib/data/api-keys";
import { saveEntries, type RowProblem } from "@/lib/data/entries";
import { asDomainError } from "@/lib/data/prisma-errors";
import { HTTP_STATUS } from "@/lib/errors";
import { clientAddress } from "@/lib/client-address";
import { jsonError, readJsonBody } from "@/lib/http";
import { logSecurityEvent } from "@/lib/security-log";
import { saveEntriesSchema } from "@/lib/validation/entry";
import { rowProblemsFrom } from "@/lib/validation/fields";
import { MAX_BATCH, MAX_INGEST_BYTES, ingestBodySchema } from "@/lib/validation/ingest";

const UNAUTHORISED = { "WWW-Authenticate": 'Bearer realm="touchline"' };

/** Per-entry problems as the API reports them. */
const itemErrors = (rows: { index: number; code: string; fields: Record<string, string> }[]) =>
  rows.flatMap(({ index, code, fields }) => Object.entries(fields).map(([field, message]) => ({ index, code, field, message })));

export async function POST(request: Request) {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
  if (!bearer) {
    logSecurityEvent("api_key_refused", { address: clientAddress(request.headers), path: "/api/v1/entries", reason: "no bearer key" });
    return jsonError(401, "Send your API key as: Authorization: Bearer <key>", {}, UNAUTHORISED);
  }
  const key = await authenticateApiKey(bearer);
  if (!key) {
    logSecurityEvent("api_key_refused", { address: clientAddress(request.headers), path: "/api/v1/entries", reason: "unknown, malformed or revoked key" });
    return jsonError(401, "This API key is not valid or has been revoked.", {}, UNAUTHORISED);
  }

  const read = await readJsonBody(request, MAX_INGEST_BYTES, `The body is larger than ${MAX_INGEST_BYTES / 1024 / 1024} MB; send fewer entries per request.`);
  if (!read.ok) return read.response;
  const envelope = ingestBodySchema.safeParse(read.body);
  if (!envelope.success) return jsonError(400, envelope.error.issues[0]!.message);
  const count = envelope.data.entries.length;
  if (count === 0) return jsonError(422, "entries is empty: nothing to save.");
  if (count > MAX_BATCH) return jsonError(413, `At most ${MAX_BATCH.toLocaleString("en-GB")} entries per request; this one has ${count.toLocaleString("en-GB")}.`);

  const parsed = saveEntriesSchema.safeParse({ rows: envelope.data.entries });
  if (!parsed.success) {
    return jsonError(422, "Some entries are not valid; nothing was saved.", { errors: itemErrors(rowProblemsFrom(parsed.error)) });
  }
  try {
    const result = await saveEntries(key.actor, parsed.data, { checkUnusual: false, apiKeyId: key.apiKeyId });
    return Response.json({ saved: result.saved, unchanged: result.unchanged, received: count }, { headers: { "Cache-Control": "no-store" } });
  } catch (caught) {
    const error = asDomainError(caught);
    if (!error) throw caught;
    const rows = (error.details?.rows ?? []) as RowProblem[];
    // 503: the database stayed busy with other writes; nothing was saved and a retry will do.
    const retry = error.code === "unavailable" ? { "Retry-After": "5" } : undefined;
    return jsonError(HTTP_STATUS[error.code], error.message, { errors: itemErrors(rows) }, retry);
  }
}
