import { expect, test } from "@playwright/test";
// The e2e server's SQLite file, read-only, as a mail client reads the email (lib/db's generated
// client does not load under Playwright's transform).
// eslint-disable-next-line no-restricted-imports
import Database from "better-sqlite3";
import path from "node:path";
import { USERS, signInAs } from "./fixtures";

// People of their own here (no other spec changes their preferences): Femi, facilities; Dana, digital.
const FEMI = "facilities@touchline.demo";
const DANA = "digital@touchline.demo";

/**
 * The unsubscribe link in the reminder email the e2e server queued for `email` (scripts/e2e-server.ts
 * ran `npm run worker -- --remind`; with no mail server the email is kept, marked skipped), read
 * from its database as a mail client would read it from the email.
 */
function unsubscribeLinkFor(email: string): string {
  const db = new Database(path.join(process.cwd(), "data/e2e.db"), { readonly: true });
  try {
    const row = db.prepare(`SELECT o.body FROM OutboxMessage o JOIN User u ON u.id = o.recipientId WHERE u.email = ? AND o.kind = 'reminder'`).get(email) as { body: string } | undefined;
    const link = /Stop reminders of missing figures by email: (\S+)/.exec(row?.body ?? "")?.[1];
    if (!link) throw new Error(`No reminder email with an unsubscribe link for ${email}`);
    return link;
  } finally {
    db.close();
  }
}

test("a person turns an email preference off on the account page, and it sticks after a reload", async ({ page }) => {
  await signInAs(page, FEMI);
  await page.goto("/account#notifications");
  const section = page.getByRole("region", { name: "Notifications" });
  const alerts = section.getByRole("group", { name: "Alerts" });
  const byEmail = alerts.getByRole("checkbox", { name: /By email/ });
  await expect(byEmail).toBeChecked();
  await expect(alerts.locator("label").filter({ hasText: "By email" })).toContainText("default");
  // Reminders are offered to a department head; the digest is off by default for one.
  await expect(section.getByRole("group", { name: "Reminders of missing figures" })).toBeVisible();
  await expect(section.getByRole("group", { name: "Weekly digest" }).getByRole("checkbox", { name: /By email/ })).not.toBeChecked();

  const save = section.getByRole("button", { name: "Save preferences" });
  await expect(save).toBeDisabled();
  await byEmail.uncheck();
  await expect(alerts).toContainText("(not saved)");
  await expect(section.getByText("1 unsaved change.")).toBeVisible();
  await save.click();
  await expect(page.getByText("Notification preferences saved")).toBeVisible();

  await page.reload();
  const afterReload = page.getByRole("region", { name: "Notifications" }).getByRole("group", { name: "Alerts" });
  await expect(afterReload.getByRole("checkbox", { name: /By email/ })).not.toBeChecked();
  // Now their own choice, not the default; in the app is untouched and still the default.
  await expect(afterReload.locator("label").filter({ hasText: "By email" })).not.toContainText("default");
  await expect(afterReload.locator("label").filter({ hasText: "In the app" })).toContainText("default");

  // An admin sees it on "Who gets what".
  await page.context().clearCookies();
  await signInAs(page, USERS.admin.email);
  await page.goto("/admin/recipients?role=DEPARTMENT_HEAD");
  const row = page.getByTestId("recipient-row").filter({ hasText: "Femi Adeyemi" });
  await expect(row.getByRole("cell").nth(1)).toHaveText("In the app · default");
});

test("the unsubscribe link works without signing in: opening it changes nothing, the button stops that email", async ({ page, request }) => {
  const link = unsubscribeLinkFor(DANA);
  expect(link).toMatch(/\/unsubscribe\/\d+\.reminder\.[\w-]{43}$/);
  const { pathname } = new URL(link);

  // Opened twice (a mail scanner, then the person): the same question both times.
  await page.goto(pathname);
  await page.goto(pathname);
  await expect(page.getByRole("heading", { level: 1, name: "Stop reminders of missing figures by email?" })).toBeVisible();
  await expect(page.getByText("d•••@touchline.demo")).toBeVisible();
  await expect(page).not.toHaveURL(/signin/);

  await page.getByRole("button", { name: "Stop reminders of missing figures by email" }).click();
  await expect(page.getByTestId("unsubscribed")).toHaveText("Done: you will no longer get reminders of missing figures by email.");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "You no longer get reminders of missing figures by email" })).toBeVisible();

  // A mail client's one-click POST to the same URL (RFC 8058) answers too; a tampered link is refused.
  const oneClick = await request.post(pathname, { form: { "List-Unsubscribe": "One-Click" } });
  expect(oneClick.status()).toBe(200);
  expect(await oneClick.text()).toBe("Unsubscribed: you will no longer get reminders of missing figures by email.");
  const tampered = pathname.replace(/\.reminder\./, ".digest.");
  await page.goto(tampered);
  await expect(page.getByRole("heading", { level: 1, name: "This unsubscribe link is not valid" })).toBeVisible();
  expect((await request.post(tampered, { form: { "List-Unsubscribe": "One-Click" } })).status()).toBe(404);

  // Signed in, Dana finds it as her own choice.
  await signInAs(page, DANA);
  await page.goto("/account#notifications");
  const reminders = page.getByRole("group", { name: "Reminders of missing figures" });
  await expect(reminders.getByRole("checkbox", { name: /By email/ })).not.toBeChecked();
  await expect(reminders.getByRole("checkbox", { name: /In the app/ })).toBeChecked();
});

test("the unsubscribe button works without JavaScript, as a plain form post", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(new URL(unsubscribeLinkFor("care@touchline.demo")).pathname);
    await page.getByRole("button", { name: "Stop reminders of missing figures by email" }).click();
    // The action runs and the page is rendered again, from the database: now it is off.
    await expect(page.getByRole("heading", { level: 1, name: "You no longer get reminders of missing figures by email" })).toBeVisible();
  } finally {
    await context.close();
  }
});
