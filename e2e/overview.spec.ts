import { expect, test } from "@playwright/test";
import { USERS, signInAs, weeksAgo } from "./fixtures";

test("an executive sees both journeys with scores and opens a touchpoint", async ({ page }) => {
  await signInAs(page, USERS.executive.email);
  await page.goto("/overview");
  await expect(page.getByTestId("journey-card")).toHaveCount(2);
  for (const name of ["Dine-in", "Online order"]) {
    const card = page.getByTestId("journey-card").filter({ has: page.getByRole("heading", { name }) });
    await expect(card.getByTestId("journey-score")).toHaveText(/^\d{1,3}\.\d$/);
  }
  await page.getByRole("link", { name: /Host stand welcome/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Host stand welcome" })).toBeVisible();
  await expect(page.getByText("★ Moment of truth")).toBeVisible();
  await expect(page.getByTestId("metric-summary")).toHaveCount(2);
});

test("an unknown touchpoint shows the not-found page", async ({ page }) => {
  await signInAs(page, USERS.viewer.email);
  const response = await page.goto("/touchpoints/999999");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("in the kitchen slowdown, the kitchen tops Dine-in's drag table; the period changes by URL and by picker", async ({ page }) => {
  await signInAs(page, USERS.executive.email);
  // The demo's slowdown peaks 23 weeks before the current one.
  const peak = weeksAgo(23);
  await page.goto(`/overview?period=${peak}`);
  await expect(page.getByLabel("Period")).toHaveValue(peak);
  const dineIn = page.getByTestId("journey-card").filter({ has: page.getByRole("heading", { name: "Dine-in" }) });
  await expect(dineIn.getByTestId("drag-headline")).toHaveText(/^Kitchen costs Dine-in \d+\.\d of its \d+\.\d missing points\.$/);
  await expect(dineIn.getByTestId("drag-table").getByRole("rowheader").first()).toHaveText("Kitchen");
  const drags = (await dineIn.getByTestId("drag-points").allTextContents()).map(Number);
  expect(drags).toEqual([...drags].sort((a, b) => b - a));

  const earlier = weeksAgo(60);
  await page.getByLabel("Period").selectOption(earlier);
  await expect(page).toHaveURL(new RegExp(`period=${earlier}`));
  await expect(dineIn.getByTestId("drag-headline")).not.toContainText("Kitchen costs");
});
