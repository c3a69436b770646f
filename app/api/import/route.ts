// CSV import: the browser reads the file (with progress) and sends its rows; this checks them
// (mode "preview") or imports them ("all": everything or nothing; "valid": only good lines).
import { getCurrentUser } from "@/lib/auth/session";
import { previewImport, runImport } from "@/lib/data/import";
import { asDomainError } from "@/lib/data/prisma-errors";
import { HTTP_STATUS } from "@/lib/errors";
import { jsonError, readJsonBody } from "@/lib/http";
import { canUseEntry } from "@/lib/permissions";
import { importRequestSchema } from "@/lib/validation/import";

/** 200,000 rows of typical width, as JSON. */
const MAX_BODY_BYTES = 80 * 1024 * 1024;

export async function POST(request: Request) {
  const user = await getCurrentUser();
  if (!user) return jsonError(401, "Sign in to import figures.");
  if (!canUseEntry(user)) return jsonError(403, "Only department heads and admins can import figures.");
  const read = await readJsonBody(request, MAX_BODY_BYTES, "The file is too large to import in one go; split it into smaller files.");
  if (!read.ok) return read.response;
  const parsed = importRequestSchema.safeParse(read.body);
  if (!parsed.success) return jsonError(400, parsed.error.issues[0]!.message);
  const { mode, rows, lines } = parsed.data;
  try {
    const result = mode === "preview" ? await previewImport(user, rows, lines) : await runImport(user, rows, mode, lines);
    return Response.json(result, { headers: { "Cache-Control": "no-store" } });
  } catch (caught) {
    const error = asDomainError(caught);
    if (!error) throw caught;
    const retry = error.code === "unavailable" ? { "Retry-After": "5" } : undefined;
    return jsonError(HTTP_STATUS[error.code], error.message, error.details ?? {}, retry);
  }
}
