// Password rules, shared by the invitation, first-run and change-password forms (browser and
// server). After NIST SP 800-63B: length over composition rules, no forced symbols, but refuse
// passwords that are trivially guessed from the account itself.
import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 10;
/** bcrypt reads only the first 72 bytes; a longer password would silently be cut. */
export const PASSWORD_MAX_BYTES = 72;

export const PASSWORD_HINT = `At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a strong one.`;

/** The first thing wrong with a new password, or null. `email` and `name` are the account's. */
export function passwordProblem(password: string, account: { email?: string; name?: string } = {}): string | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters`;
  if (new TextEncoder().encode(password).length > PASSWORD_MAX_BYTES) return `Use at most ${PASSWORD_MAX_BYTES} bytes (about ${PASSWORD_MAX_BYTES} letters)`;
  if (new Set(password.toLowerCase()).size < 4) return "Use more different characters: this one repeats too few";
  const lower = password.toLowerCase();
  const local = account.email?.split("@")[0]?.toLowerCase() ?? "";
  if (local.length >= 3 && lower.includes(local)) return "Don't build the password from your email address";
  const nameParts = (account.name ?? "").toLowerCase().split(/\s+/).filter((p) => p.length >= 3);
  if (nameParts.some((p) => lower.includes(p))) return "Don't build the password from your name";
  if (COMMON.some((c) => lower.startsWith(c))) return "That password is too easy to guess";
  return null;
}

// The most-used passwords' stems; anything starting with one is among the first a guesser tries.
const COMMON = ["password", "passw0rd", "1234567890", "qwertyuiop", "qwerty123", "abc123456", "iloveyou", "touchline", "welcome1", "letmein", "admin123", "changeme"];

/** Marks `password` (rules) or `confirmPassword` (mismatch) on a schema with both fields. */
export function checkNewPassword(input: { password: string; confirmPassword: string }, ctx: z.RefinementCtx, account: { email?: string; name?: string } = {}) {
  const problem = passwordProblem(input.password, account);
  if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  else if (input.password !== input.confirmPassword) ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "The two passwords differ" });
}

export const newPasswordShape = {
  password: z.string({ error: "Enter a password" }).max(1000, "That password is far too long"),
  confirmPassword: z.string({ error: "Repeat the password" }).max(1000, "That password is far too long"),
};
