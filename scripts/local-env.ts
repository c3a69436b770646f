// Makes sure .env.local (git-ignored, read by Next.js) has a session secret, so a fresh clone
// runs without any manual set-up. Real deployments set NEXTAUTH_SECRET in their environment.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export function ensureLocalEnv(root: string): void {
  const file = path.join(root, ".env.local");
  const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  if (process.env.NEXTAUTH_SECRET || /^NEXTAUTH_SECRET=/m.test(current)) return;
  const line = `NEXTAUTH_SECRET=${randomBytes(32).toString("base64url")}\n`;
  fs.writeFileSync(file, current + (current && !current.endsWith("\n") ? "\n" : "") + line);
  console.log("Created a session secret in .env.local");
}
