import { expect, test } from "@playwright/test";
import { USERS, signInAs } from "./fixtures";

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
