import { z } from "zod";
import { MAX_BATCH } from "./entry";

/** 10,000 entries of ~150 bytes fit comfortably; anything larger is refused before parsing. */
export const MAX_INGEST_BYTES = 4 * 1024 * 1024;

/** The envelope; each entry is then checked with entryRowSchema, so errors can name its index. */
export const ingestBodySchema = z.object(
  { entries: z.array(z.unknown(), { error: "entries must be a list" }) },
  { error: 'Send a JSON object: { "entries": [ … ] }' },
);

export { MAX_BATCH };
