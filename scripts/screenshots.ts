// Screenshots of every page at desktop and phone widths, for review and for the README.
//   BASE_URL=http://localhost:3000 npx tsx scripts/screenshots.ts        (ONLY=overview,entry for some)
// Writes screenshots/*.png (git-ignored) and docs/images/overview.png.
import { chromium, type Page } from "@playwright/test";
import fs from "node:fs";

const base = process.env.BASE_URL ?? "http://localhost:3000";
const executablePath = fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;

async function signIn(page: Page, email: string) {
  const { csrfToken } = await (await page.request.get(`${base}/api/auth/csrf`)).json();
  await page.request.post(`${base}/api/auth/callback/credentials`, { form: { csrfToken, email, password: "touchline-demo", json: "true" } });
}

/** The demo's kitchen slowdown peaks 23 weeks before the current week: the overview's story. */
function weeksAgo(n: number): string {
  const now = new Date();
  const monday = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - ((now.getUTCDay() + 6) % 7) * 86_400_000;
  return new Date(monday - n * 7 * 86_400_000).toISOString().slice(0, 10);
}

const shots: { name: string; email?: string; path: string }[] = [
  { name: "signin", path: "/signin" },
  { name: "overview", email: "exec@touchline.demo", path: `/overview?period=${weeksAgo(23)}` },
  { name: "entry", email: "foh@touchline.demo", path: "/entry" },
  { name: "touchpoint", email: "kitchen@touchline.demo", path: "/touchpoints/10" },
  { name: "report", email: "exec@touchline.demo", path: "/touchpoints/8" },
  { name: "changes", email: "kitchen@touchline.demo", path: "/changes" },
  { name: "change-new", email: "kitchen@touchline.demo", path: "/changes/new" },
  { name: "admin-home", email: "admin@touchline.demo", path: "/admin" },
  { name: "admin-departments", email: "admin@touchline.demo", path: "/admin/departments" },
  { name: "admin-people", email: "admin@touchline.demo", path: "/admin/people" },
  { name: "admin-recipients", email: "admin@touchline.demo", path: "/admin/recipients" },
  { name: "account", email: "foh@touchline.demo", path: "/account" },
  { name: "admin-audit", email: "admin@touchline.demo", path: "/admin/audit" },
  { name: "admin-settings", email: "admin@touchline.demo", path: "/admin/settings" },
  { name: "admin-outbox", email: "admin@touchline.demo", path: "/admin/outbox" },
  { name: "admin-webhooks", email: "admin@touchline.demo", path: "/admin/webhooks" },
  { name: "forbidden", email: "viewer@touchline.demo", path: "/entry" },
  { name: "not-found", email: "viewer@touchline.demo", path: "/touchpoints/99999" },
];

async function main() {
  fs.mkdirSync("screenshots", { recursive: true });
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  for (const [label, viewport] of [["desktop", { width: 1440, height: 900 }], ["phone", { width: 390, height: 844 }]] as const) {
    const only = process.env.ONLY?.split(",");
    for (const shot of shots.filter((s) => !only || only.includes(s.name))) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      if (shot.email) await signIn(page, shot.email);
      await page.goto(`${base}${shot.path}`, { waitUntil: "networkidle" });
      const file = `screenshots/${shot.name}-${label}.png`;
      await page.screenshot({ path: file, fullPage: true });
      // What a reader sees before scrolling.
      await page.screenshot({ path: `screenshots/${shot.name}-${label}-first-screen.png` });
      if (shot.name === "overview" && label === "desktop") {
        fs.mkdirSync("docs/images", { recursive: true });
        await page.screenshot({ path: "docs/images/overview.png" });
      }
      console.log(file);
      await context.close();
    }
  }
  await browser.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
