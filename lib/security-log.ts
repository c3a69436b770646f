// Security events as JSON lines on stdout (pino): failed and locked sign-ins, refused requests,
// rate-limit hits, refused API keys. For the operator's log pipeline, not for people in the app
// (the audit log is theirs). Never a password, token, key or cookie: events carry who (user id,
// or an email only when it names an account), from where (client address), what and why.
import { createHash } from "node:crypto";
import pino, { type DestinationStream, type Logger } from "pino";

export type SecurityEvent =
  /** A wrong password, an unknown account or a deactivated one (reason says which). */
  | "sign_in_failed"
  /** An attempt refused because the account or the address is out of attempts. */
  | "sign_in_locked"
  /** A signed-in request refused: not allowed for the role, or the session ended. */
  | "request_refused"
  /** A public page refused by the per-address limit. */
  | "rate_limited"
  /** The ingest API refused a missing, malformed, unknown or revoked key. */
  | "api_key_refused";

export type SecurityFields = {
  address?: string;
  userId?: number;
  /** Only an account's email; an unknown "email" may be a password typed in the wrong box. */
  email?: string;
  /** SHA-256 (first 16 hex) of what was typed as the email, to correlate attempts without keeping it. */
  emailHash?: string;
  path?: string;
  reason?: string;
  waitSeconds?: number;
};

/** Anything that looks like a secret, wherever it appears in an event, is replaced. */
const REDACT = ["password", "token", "key", "secret", "cookie", "authorization", "*.password", "*.token", "*.key", "*.secret", "*.cookie", "*.authorization"];

/**
 * A logger for security events. Level from SECURITY_LOG_LEVEL (default "info"; "silent" under the
 * test runner unless set), ISO timestamps, `{ "log": "security", "event": … }` on every line.
 */
export function createSecurityLogger(destination?: DestinationStream, env: Record<string, string | undefined> = process.env): Logger {
  const level = env.SECURITY_LOG_LEVEL ?? (env.VITEST ? "silent" : "info");
  const options = { level, base: { log: "security" }, timestamp: pino.stdTimeFunctions.isoTime, redact: { paths: REDACT, censor: "[redacted]" } };
  return destination ? pino(options, destination) : pino(options);
}

const globalForLog = globalThis as unknown as { touchlineSecurityLog?: Logger };
const logger = (globalForLog.touchlineSecurityLog ??= createSecurityLogger());

/**
 * A path with its bearer token cut out: "/reset/uBlZ…" → "/reset/[token]". Share links, invitations,
 * reset and unsubscribe links carry their secret in the path, and a log reader must not be able to
 * use one.
 */
export const redactPath = (path: string) => path.replace(/^\/(r|invite|reset|unsubscribe)\/[^/?#]+/, "/$1/[token]");

/** Writes one security event (warn level: each is something an operator may want to alert on). Paths lose their tokens. */
export function logSecurityEvent(event: SecurityEvent, fields: SecurityFields, log: Logger = logger): void {
  log.warn({ event, ...fields, ...(fields.path === undefined ? {} : { path: redactPath(fields.path) }) });
}

/** The hash logged for a typed email: enough to see one address tried 500 times, not to read it. */
export const emailHash = (typed: string) => createHash("sha256").update(typed.trim().toLowerCase()).digest("hex").slice(0, 16);
