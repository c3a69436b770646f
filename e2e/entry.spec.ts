import { expect, test } from "@playwright/test";
import { USERS, signInAs } from "./fixtures";

test("a department head saves a value and sees it on the touchpoint page", async ({ page }) => {
  await signInAs(page, USERS.kitchenHead.email);
  await page.goto("/entry");
  await expect(page.getByRole("heading", { name: "Metric entry" })).toBeVisible();

  const row = page.getByRole("form", { name: "Food rating", exact: true });
  await row.getByLabel("Food rating value").fill("4.27");
  await row.getByLabel("Food rating sample size").fill("164");
  await row.getByRole("button", { name: "Save" }).click();
  await expect(row.getByText("✓ Saved")).toBeVisible();

  await page.goto("/overview");
  await page.getByRole("link", { name: /^Food\b/ }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Food" })).toBeVisible();
  const card = page.getByTestId("metric-summary").filter({ has: page.getByRole("heading", { name: "Food rating" }) });
  await expect(card.getByTestId("latest-value")).toHaveText("4.27 stars");
  await expect(card).toContainText("n = 164");
  await expect(card).toContainText(`Entered by ${USERS.kitchenHead.name}`);
});

test("an out-of-range value is refused with a clear message before saving", async ({ page }) => {
  await signInAs(page, USERS.kitchenHead.email);
  await page.goto("/entry");
  const row = page.getByRole("form", { name: "Ticket time", exact: true });
  await row.getByLabel("Ticket time value").fill("-3");
  await expect(row.getByText("Value must be 0 or more")).toBeVisible();
  await expect(row.getByRole("button", { name: "Save" })).toBeDisabled();
});

test("a viewer cannot reach metric entry", async ({ page }) => {
  await signInAs(page, USERS.viewer.email);
  const response = await page.goto("/entry");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
});

test("a department head cannot open another department's entry sheet", async ({ page }) => {
  await signInAs(page, USERS.kitchenHead.email);
  await page.goto("/entry");
  // Front of House belongs to Fran; its id is in the admin's department picker.
  await signInAs(page, USERS.admin.email);
  await page.goto("/entry");
  const option = page.getByLabel("Department").locator("option", { hasText: "Front of House" });
  const fohId = await option.getAttribute("value");
  await signInAs(page, USERS.kitchenHead.email);
  const response = await page.goto(`/entry?department=${fohId}`);
  expect(response?.status()).toBe(403);
});
