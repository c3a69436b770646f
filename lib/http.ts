// Small helpers for route handlers: JSON answers and bounded request bodies.
import { NextResponse } from "next/server";

export function jsonError(status: number, error: string, extra: Record<string, unknown> = {}, headers?: HeadersInit) {
  return NextResponse.json({ error, ...extra }, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

/**
 * A JSON request body, refusing (with the response to send) a wrong content type (415), a body
 * over `maxBytes` (413, read no further) or text that is not JSON (400).
 */
export async function readJsonBody(request: Request, maxBytes: number, tooLarge: string): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? "")) {
    return { ok: false, response: jsonError(415, "Send JSON with Content-Type: application/json.") };
  }
  const text = await readBodyWithLimit(request, maxBytes);
  if (text === null) return { ok: false, response: jsonError(413, tooLarge) };
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch {
    return { ok: false, response: jsonError(400, "The body is not valid JSON.") };
  }
}

/** The body as text, or null when it is longer than `maxBytes` (read no further than that). */
export async function readBodyWithLimit(request: Request, maxBytes: number): Promise<string | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
}
