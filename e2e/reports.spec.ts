import { expect, test, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import path from "node:path";
import Papa from "papaparse";
import { USERS, signInAs } from "./fixtures";

/** Runs SQL on the e2e server's database (scripts/e2e-server.ts) with Prisma's CLI: only to age a link. */
function runSql(sql: string) {
  const root = process.cwd(); // Playwright runs from the repository root
  execFileSync(path.join(root, "node_modules/.bin/prisma"), ["db", "execute", "--schema", "prisma/schema.prisma", "--stdin"], {
    input: sql,
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${path.join(root, "data/e2e.db")}` },
  });
}

async function openFoodReport(page: Page) {
  await page.goto("/overview");
  await page.getByTestId("touchpoint-tile").filter({ hasText: "Food" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Food" })).toBeVisible();
}

async function createLink(page: Page, label: string): Promise<string> {
  const share = page.getByRole("region", { name: "Share this report" });
  await share.getByLabel("Label").fill(label);
  await share.getByRole("button", { name: "Create link" }).click();
  const url = await page.getByLabel("New share link").inputValue();
  expect(url).toMatch(/\/r\/[A-Za-z0-9_-]{43}$/);
  await expect(share.getByTestId("share-link-row").filter({ hasText: label })).toBeVisible();
  return url;
}

test("a head shares their touchpoint's report; the link works without a session until it is revoked", async ({ page, browser }) => {
  await signInAs(page, USERS.kitchenHead.email);
  await openFoodReport(page);
  await expect(page.getByTestId("report-score")).toHaveText(/^\d{1,3}\.\d$/);
  await expect(page.getByTestId("metric-card")).toHaveCount(3);
  const url = await createLink(page, "Kitchen briefing");

  const outsider = await browser.newContext();
  const publicPage = await outsider.newPage();
  const response = await publicPage.goto(url);
  expect(response?.status()).toBe(200);
  expect(response?.headers()["x-robots-tag"]).toBe("noindex, nofollow");
  expect(response?.headers()["cache-control"]).toContain("no-store");
  await expect(publicPage.getByRole("heading", { level: 1, name: "Food" })).toBeVisible();
  await expect(publicPage.getByTestId("metric-card")).toHaveCount(3);
  await expect(publicPage.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex, nofollow");
  await expect(publicPage.locator('meta[property="og:title"]')).toHaveAttribute("content", "Food · Harbour & Vine");
  // Read-only, and no way into the app.
  await expect(publicPage.getByRole("link", { name: /Overview|Metric entry|History/ })).toHaveCount(0);
  await expect(publicPage.getByRole("region", { name: "Share this report" })).toHaveCount(0);
  await expect(publicPage.getByText("Kai Chen")).toHaveCount(0);

  await page.reload();
  const row = page.getByTestId("share-link-row").filter({ hasText: "Kitchen briefing" });
  await expect(row).toContainText("by Kai Chen");
  await expect(row.getByRole("cell").nth(3)).toContainText("1");
  page.once("dialog", (dialog) => dialog.accept());
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("Revoked");

  const after = await publicPage.goto(url);
  expect(after?.status()).toBe(404);
  await expect(publicPage.getByRole("heading", { name: "This link is no longer available" })).toBeVisible();
  await outsider.close();
});

test("expired and unknown links get the same unavailable page", async ({ page, browser }) => {
  await signInAs(page, USERS.executive.email);
  await openFoodReport(page);
  const url = await createLink(page, "Expires soon");
  // Timestamps are stored as epoch milliseconds (lib/db/client.ts).
  runSql(`UPDATE "ShareLink" SET "expiresAt" = ${Date.now() - 60_000} WHERE "label" = 'Expires soon';`);

  const outsider = await browser.newContext();
  const publicPage = await outsider.newPage();
  const pages: string[] = [];
  for (const target of [url, url.replace(/[A-Za-z0-9_-]{43}$/, "A".repeat(43)), `${new URL(url).origin}/r/nonsense`]) {
    const response = await publicPage.goto(target);
    expect(response?.status(), target).toBe(404);
    await expect(publicPage.getByRole("heading", { name: "This link is no longer available" })).toBeVisible();
    pages.push(await publicPage.locator("main").innerText());
  }
  expect(new Set(pages).size).toBe(1);
  await outsider.close();
});

test("the report's figures download as CSV from the internal and the public page", async ({ page, browser }) => {
  await signInAs(page, USERS.kitchenHead.email);
  await openFoodReport(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^touchline-food-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = (await (await download.createReadStream()).toArray()).join("").replace(/^\uFEFF/, "");
  const parsed = Papa.parse<Record<string, string>>(text.trim(), { header: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.meta.fields).toEqual(["period", "metric", "unit", "value", "target", "sample_size", "source"]);
  expect(parsed.data).toHaveLength(12 * 3);
  expect(new Set(parsed.data.map((r) => r.metric))).toEqual(new Set(["Food rating", "Ticket time", "Food complaints"]));
  expect(parsed.data.every((r) => r.value === "" || Number.isFinite(Number(r.value)))).toBe(true);

  const url = await createLink(page, "CSV check");
  const outsider = await browser.newContext();
  const response = await outsider.request.get(`${url}/csv`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/csv");
  expect((await response.text()).replace(/^\uFEFF/, "")).toBe(text);
  await outsider.close();
});

test("printing the report gives a PDF whose first page names the touchpoint", async ({ page }) => {
  await signInAs(page, USERS.executive.email);
  await openFoodReport(page);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toBeHidden();
  await expect(page.getByRole("region", { name: "Share this report" })).toBeHidden();
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const document = await pdfjs.getDocument({ data: new Uint8Array(pdf) }).promise;
  const first = await (await document.getPage(1)).getTextContent();
  const text = first.items.map((item) => ("str" in item ? item.str : "")).join(" ");
  expect(text).toContain("Food");
  expect(text).toMatch(/touchpoint report · Week of \d+ \w+ \d{4} to Week of \d+ \w+ \d{4}/);
});

test("a viewer reads reports but cannot share them", async ({ page }) => {
  await signInAs(page, USERS.viewer.email);
  await openFoodReport(page);
  await expect(page.getByRole("region", { name: "Share this report" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "History and changes" })).toHaveCount(0);
});

test("too many requests to shared links from one address get a 429 page, whatever the client writes into X-Forwarded-For", async ({ browser }) => {
  // The demo server runs as if behind one proxy of ours (TRUST_PROXY=1): the client is the last
  // X-Forwarded-For hop, the one our proxy appended; anything further left is the client's own.
  const context = await browser.newContext();
  let last = 0;
  for (let i = 0; i < 61 && last !== 429; i++) last = (await context.request.get("/r/nonsense", { headers: { "X-Forwarded-For": `10.9.${i}.1, 203.0.113.77` } })).status();
  expect(last, "a new made-up address per request does not reset the limit").toBe(429);
  const page = await context.newPage();
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": "203.0.113.77" });
  const response = await page.goto("/r/nonsense");
  expect(response?.status()).toBe(429);
  expect(response?.headers()["retry-after"]).toMatch(/^\d+$/);
  await expect(page.getByRole("heading", { name: "Too many requests" })).toBeVisible();
  // Other addresses, as our proxy names them, are not held up: the server knows who is who.
  const others = await Promise.all(Array.from({ length: 61 }, (_, i) => context.request.get("/r/nonsense", { headers: { "X-Forwarded-For": `198.51.100.${i + 1}` } })));
  expect(others.filter((r) => r.status() === 429)).toHaveLength(0);
  await context.close();
});
