// Bearer secrets (API keys, share-link tokens): random, shown once, stored only as a hash.
// SHA-256 without salt is enough here: the secrets carry ≥ 128 bits of entropy, so there is
// nothing to brute-force, and an unsalted hash can be looked up by its unique index.
import { createHash, randomBytes } from "node:crypto";

/** `bytes` random bytes as URL-safe base64 (no padding): 32 bytes → 43 characters, 256 bits. */
export const newSecret = (bytes = 32) => randomBytes(bytes).toString("base64url");

export const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");
