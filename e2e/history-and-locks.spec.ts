import { expect, test } from "@playwright/test";
import { USERS, signInAs, weeksAgo } from "./fixtures";

test("an admin locks a period: the head sees it read-only until the admin unlocks it", async ({ browser }) => {
  const admin = await browser.newPage();
  const fran = await browser.newPage();
  await signInAs(admin, USERS.admin.email);
  await signInAs(fran, USERS.fohHead.email);
  const period = weeksAgo(3);

  await admin.goto(`/entry?period=${period}`);
  await admin.getByRole("button", { name: "Lock this period" }).click();
  await expect(admin.getByTestId("period-lock")).toContainText("is locked by Avery Admin");
  await expect(admin.getByTestId("period-lock")).toContainText("As an admin you can still change its figures.");

  await fran.goto(`/entry?period=${period}`);
  await expect(fran.getByTestId("period-lock")).toContainText("Its figures are read-only");
  await expect(fran.getByRole("textbox", { name: /^Drink wait .* value$/ })).toBeDisabled();
  await expect(fran.getByRole("button", { name: /^Save/ })).toHaveCount(0);

  await admin.getByRole("button", { name: "Unlock period" }).click();
  await expect(admin.getByText(/is open again/)).toBeVisible();
  await fran.reload();
  await expect(fran.getByTestId("period-lock")).toHaveCount(0);
  await expect(fran.getByRole("textbox", { name: /^Drink wait .* value$/ })).toBeEnabled();
});

test("a head corrects a past figure and sees the change in the metric's history", async ({ page }) => {
  await signInAs(page, USERS.kitchenHead.email);
  const period = weeksAgo(5);
  await page.goto(`/entry?period=${period}`);
  const cell = page.getByRole("textbox", { name: /^Delivered food rating .* value$/ });
  const before = await cell.inputValue();
  // A value the figure does not already have (the same value would be no change to save).
  const corrected = before === "4.31" ? "4.32" : "4.31";
  await cell.fill(corrected);
  await page.getByRole("button", { name: /^Save/ }).click();
  await expect(page.getByText("Saved 1 figure")).toBeVisible();

  await page.getByTestId("entry-row").filter({ hasText: "Delivered food rating" }).getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("heading", { name: "Delivered food rating: every figure and every change" })).toBeVisible();
  const label = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(period));
  const row = page.getByTestId("history-row").filter({ hasText: `Week of ${label}` });
  await row.getByText("2 revisions").click();
  await expect(row).toContainText(`${before} stars → ${corrected} stars`);
  await expect(row).toContainText(USERS.kitchenHead.name);
});

test("a viewer cannot open a metric's history", async ({ page }) => {
  await signInAs(page, USERS.viewer.email);
  const response = await page.goto("/metrics/1/history");
  expect(response?.status()).toBe(403);
});

test("Edit on an old period in a figure's history opens the grid at that period", async ({ page }) => {
  await signInAs(page, USERS.kitchenHead.email);
  await page.goto("/entry");
  await page.locator(`[data-testid="entry-row"][data-metric="Food rating"]`).getByRole("link", { name: "History" }).click();
  const period = weeksAgo(40);
  const label = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(period));
  await page.getByTestId("history-row").filter({ hasText: `Week of ${label}` }).getByRole("link", { name: "Edit" }).click();
  await expect(page).toHaveURL(new RegExp(`period=${period}`));
  await expect(page.getByLabel("Period")).toHaveValue(period);
  await expect(page.getByRole("textbox", { name: /^Food rating .* value$/ })).not.toHaveValue("");
});
