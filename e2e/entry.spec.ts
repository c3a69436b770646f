import { expect, test, type Page } from "@playwright/test";
import { USERS, signInAs } from "./fixtures";

const valueCell = (page: Page, metric: string) => page.getByRole("textbox", { name: new RegExp(`^${metric} \\(.*\\) value$`) });

test("a department head fills the week with the keyboard only, saves with Ctrl+S and sees the figures on the touchpoint page", async ({ page }) => {
  await signInAs(page, USERS.kitchenHead.email);
  await page.goto("/entry");
  await expect(page.getByTestId("fill-status")).toContainText("0 of 4 figures entered");

  // Start in the first value cell; from here on only the keyboard.
  await valueCell(page, "Food rating").focus();
  await page.keyboard.type("4.3");
  await page.keyboard.press("Tab");
  await page.keyboard.type("171");
  await page.keyboard.press("ArrowUp"); // top row: stays put
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Enter"); // down to Ticket time's value
  await page.keyboard.type("16m 30s");
  await page.keyboard.press("Enter");
  await page.keyboard.type("5");
  await page.keyboard.press("Enter");
  await page.keyboard.type("4.3");
  await expect(page.getByText("4 unsaved changes")).toBeVisible();
  await page.keyboard.press("Control+s");

  await expect(page.getByText("Saved 4 figures")).toBeVisible();
  await expect(page.getByText("All changes saved")).toBeVisible();
  await expect(page.getByTestId("fill-status")).toContainText("4 of 4 figures entered");

  await page.getByRole("link", { name: "Overview" }).click();
  await page.getByRole("link", { name: /^Food\b/ }).first().click();
  const card = page.getByTestId("metric-card").filter({ has: page.getByRole("heading", { name: "Ticket time" }) });
  await expect(card.getByTestId("latest-value")).toHaveText("16.5 min");
  const rating = page.getByTestId("metric-card").filter({ has: page.getByRole("heading", { name: "Food rating" }) });
  await expect(rating.getByTestId("latest-value")).toHaveText("4.3 stars");
  await expect(rating).toContainText("n = 171");
  await expect(rating).toContainText(`Entered by ${USERS.kitchenHead.name}`);
});

test("a value out of range is marked as you type and nothing is saved", async ({ page }) => {
  await signInAs(page, USERS.kitchenHead.email);
  await page.goto("/entry");
  await valueCell(page, "Ticket time").fill("-3");
  await expect(page.getByText("Value must be 0 or more")).toBeVisible();
  await valueCell(page, "Food rating").fill("4,5");
  await expect(page.getByText("use a dot for decimals")).toBeVisible();
  await page.keyboard.press("Control+s");
  await expect(page.getByText("Fix 2 rows before saving; nothing was saved")).toBeVisible();
});

test("two people editing the same figure: the second save is refused and shows the first person's value", async ({ browser }) => {
  const fran = await browser.newPage();
  const admin = await browser.newPage();
  await signInAs(fran, USERS.fohHead.email);
  await signInAs(admin, USERS.admin.email);
  await fran.goto("/entry");
  await fran.getByLabel("Department").selectOption({ label: "Bar" });
  await admin.goto("/entry");
  await admin.getByLabel("Department").selectOption({ label: "Bar" });
  await expect(admin).toHaveURL(/department=\d+/);
  await expect(valueCell(fran, "Drink wait")).toBeVisible();
  await expect(valueCell(admin, "Drink wait")).toBeVisible();

  await valueCell(fran, "Drink wait").fill("6.5");
  await valueCell(admin, "Drink wait").fill("7");
  await fran.getByRole("button", { name: /^Save/ }).click();
  await expect(fran.getByText("Saved 1 figure")).toBeVisible();

  await admin.getByRole("button", { name: /^Save/ }).click();
  const row = admin.getByTestId("entry-row").filter({ has: admin.getByText("Drink wait", { exact: true }) });
  await expect(row.getByText("Fran Ortiz saved 6.5")).toBeVisible();
  await expect(row.getByText("✕ Not saved")).toBeVisible();

  // Fran's figure stands.
  await fran.reload();
  await expect(valueCell(fran, "Drink wait")).toHaveValue("6.5");
});

test("leaving with unsaved figures asks first", async ({ page }) => {
  await signInAs(page, USERS.kitchenHead.email);
  await page.goto("/entry");
  await valueCell(page, "Food complaints").fill("3");
  let asked = "";
  page.once("dialog", (dialog) => {
    asked = dialog.message();
    void dialog.dismiss();
  });
  await page.getByRole("link", { name: "Overview" }).click();
  expect(asked).toBe("You have unsaved figures. Leave without saving them?");
  await expect(page).toHaveURL(/\/entry/);
  await expect(valueCell(page, "Food complaints")).toHaveValue("3");
});

test("a viewer cannot reach metric entry", async ({ page }) => {
  await signInAs(page, USERS.viewer.email);
  const response = await page.goto("/entry");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
});

test("a department head cannot open another department's entry sheet or its data", async ({ page }) => {
  await signInAs(page, USERS.admin.email);
  await page.goto("/entry");
  const fohId = await page.getByLabel("Department").locator("option", { hasText: "Front of House" }).getAttribute("value");
  await signInAs(page, USERS.kitchenHead.email);
  const response = await page.goto(`/entry?department=${fohId}`);
  expect(response?.status()).toBe(403);
  const api = await page.request.get(`/api/entry-sheet?department=${fohId}&period=2026-11-16`);
  expect(api.status()).toBe(403);
  expect((await api.json()).error).toBe("You can only enter figures for the departments you head.");
});

test("copying last period's sample sizes and sources fills the rows that have no figure yet", async ({ page }) => {
  await signInAs(page, "marketing@touchline.demo");
  await page.goto("/entry");
  const sample = page.getByRole("textbox", { name: /^Positive social mentions .* sample size$/ });
  await expect(sample).toHaveValue("");
  await page.getByRole("button", { name: "Copy last period's sample sizes and sources" }).click();
  await expect(page.getByText(/Copied last period's sample size and source into \d+ rows/)).toBeVisible();
  await expect(sample).toHaveValue(/^\d+$/);
  await expect(page.getByRole("combobox", { name: /^Positive social mentions .* source$/ })).toHaveValue("SOCIAL");
});

test("an unusual value is held until the head confirms it, then saved", async ({ page }) => {
  await signInAs(page, "reservations@touchline.demo");
  await page.goto("/entry");
  await valueCell(page, "Booking CSAT").fill("20");
  const row = page.locator(`[data-testid="entry-row"][data-metric="Booking CSAT"]`);
  await expect(row.getByText(/^Unusual: usually \d+(\.\d+)?% to \d+(\.\d+)?%\./)).toBeVisible();
  await page.keyboard.press("Control+s");
  await expect(page.getByText("Confirm or correct 1 unusual value before saving")).toBeVisible();
  await expect(page.getByText("1 unsaved change")).toBeVisible();

  await row.getByLabel("This figure is right").check();
  await page.getByRole("button", { name: /^Save/ }).click();
  await expect(page.getByText("Saved 1 figure")).toBeVisible();
  await page.reload();
  await expect(valueCell(page, "Booking CSAT")).toHaveValue("20");
});

test("Discard drops unsaved figures and leaves the saved ones", async ({ page }) => {
  await signInAs(page, "reservations@touchline.demo");
  await page.goto("/entry");
  await valueCell(page, "Time to answer").fill("45");
  await expect(page.getByText("1 unsaved change")).toBeVisible();
  await page.getByRole("button", { name: "Discard" }).click();
  await expect(valueCell(page, "Time to answer")).toHaveValue("");
  await expect(page.getByText("All changes saved")).toBeVisible();
});
