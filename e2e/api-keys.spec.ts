import { expect, test } from "@playwright/test";
import { USERS, signInAs, weeksAgo } from "./fixtures";

test("a head creates an API key, a system uses it, and once revoked it is refused", async ({ page, playwright }) => {
  await signInAs(page, USERS.kitchenHead.email);
  await page.goto("/entry");
  await page.getByRole("link", { name: "API keys" }).click();
  await expect(page.getByRole("heading", { name: "API keys" })).toBeVisible();

  await page.getByLabel("New key for").fill("Kitchen display system");
  await page.getByRole("button", { name: "Create key" }).click();
  const shown = page.getByTestId("new-api-key");
  await expect(shown).toContainText("it won't be shown again");
  const key = await shown.getByLabel("New API key").inputValue();
  expect(key).toMatch(/^tl_/);
  const row = page.getByTestId("api-key-row").filter({ hasText: "Kitchen display system" });
  await expect(row).toContainText(`${key.slice(0, 11)}…`);
  await expect(row).not.toContainText(key.slice(11));

  // The history URL carries the metric id an operational system needs.
  await page.goto("/entry");
  const historyHref = await page.getByTestId("entry-row").filter({ hasText: "Food complaints" }).getByRole("link", { name: "History" }).getAttribute("href");
  const metricId = Number(/\/metrics\/(\d+)\//.exec(historyHref!)![1]);

  const system = await playwright.request.newContext({ baseURL: page.url().replace(/\/entry.*$/, "") });
  const send = () =>
    system.post("/api/v1/entries", {
      headers: { authorization: `Bearer ${key}` },
      data: { entries: [{ metricId, periodStart: weeksAgo(7), value: 4, source: "OPERATIONAL" }] },
    });
  const accepted = await send();
  expect(accepted.status()).toBe(200);
  expect(await accepted.json()).toMatchObject({ received: 1 });

  await page.goto("/entry/api-keys");
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByTestId("api-key-row").filter({ hasText: "Kitchen display system" }).getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByText("Revoked “Kitchen display system”")).toBeVisible();
  await expect(page.getByTestId("api-key-row").filter({ hasText: "Kitchen display system" })).toContainText("Revoked");
  expect((await send()).status()).toBe(401);
  await system.dispose();
});

test("a key name is required", async ({ page }) => {
  await signInAs(page, USERS.fohHead.email);
  await page.goto("/entry/api-keys");
  await page.getByLabel("New key for").fill("   ");
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByText("Name the key after the system that will use it")).toBeVisible();
});
