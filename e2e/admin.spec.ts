import { expect, test } from "@playwright/test";
import { USERS, signInAs } from "./fixtures";

test("an admin adds, renames, archives and restores a department, and the audit log shows each change", async ({ page }) => {
  await signInAs(page, USERS.admin.email);
  await page.goto("/overview");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
  // The admin home is the set-up checklist; the demo organisation has done every step.
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByTestId("setup-step")).toHaveCount(6);
  await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Departments" }).click();
  await expect(page).toHaveURL(/\/admin\/departments$/);

  // A name already in use is refused with the reason.
  await page.getByLabel("New department").fill("Kitchen");
  await page.getByRole("button", { name: "Add department" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is already a department called “Kitchen”" })).toBeVisible();

  await page.getByLabel("New department").fill("Pastry");
  await page.getByRole("button", { name: "Add department" }).click();
  const row = page.getByTestId("department-row").filter({ hasText: "Pastry" });
  await expect(row).toBeVisible();
  await expect(page.getByLabel("New department")).toHaveValue("");

  await row.getByRole("button", { name: "Edit Pastry" }).click();
  await page.getByLabel("Name of Pastry").fill("Pastry & Desserts");
  await page.getByLabel("Name of Pastry").press("Enter");
  const renamed = page.getByTestId("department-row").filter({ hasText: "Pastry & Desserts" });
  await expect(renamed).toBeVisible();

  await renamed.getByRole("button", { name: "Archive Pastry & Desserts" }).click();
  await expect(renamed).toContainText("Archived");
  await renamed.getByRole("button", { name: "Restore Pastry & Desserts" }).click();
  await expect(renamed).not.toContainText("Archived");

  // A department that owns touchpoints cannot be archived.
  await page.getByTestId("department-row").filter({ hasText: "Kitchen" }).getByRole("button", { name: "Archive Kitchen" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /Kitchen still owns \d+ active touchpoints?/ })).toBeVisible();

  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByTestId("audit-table")).toBeVisible();
  // Other tests change journeys meanwhile: look at this department's rows only.
  const pastry = page.getByTestId("audit-row").filter({ hasText: /department\./ });
  const actions = await pastry.locator("td:nth-child(3)").allTextContents();
  expect(actions.slice(0, 4).map((a) => a.replace(/ #\d+$/, ""))).toEqual(["department.restore", "department.archive", "department.update", "department.create"]);
  await expect(pastry.first()).toContainText(USERS.admin.name);
  await expect(pastry.nth(2)).toContainText("Pastry → Pastry & Desserts");
});

test("only admins reach the administration pages", async ({ page }) => {
  await signInAs(page, USERS.executive.email);
  await page.goto("/overview");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toHaveCount(0);
  for (const path of ["/admin/departments", "/admin/audit"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
  }
});

test("an admin builds a journey's stages, reorders them from the keyboard, and the overview lists it", async ({ page }) => {
  await signInAs(page, USERS.admin.email);
  await page.goto("/admin/journeys");
  await page.getByLabel("New journey").fill("Private events");
  await page.getByLabel("Description", { exact: true }).first().fill("From first enquiry to the thank-you note");
  await page.getByRole("button", { name: "Add journey" }).click();
  const journey = page.getByTestId("journey-admin").filter({ has: page.getByRole("heading", { name: "Private events" }) });
  await expect(journey).toContainText("No stages yet");

  for (const stage of ["Enquire", "Plan", "Host"]) {
    await journey.getByLabel("New stage for Private events").fill(stage);
    await journey.getByLabel("New stage for Private events").press("Enter");
    await expect(journey.getByTestId("stage-row").filter({ hasText: stage })).toBeVisible();
  }
  await journey.getByRole("button", { name: "Add stage" }).click(); // empty: refused with a message
  await expect(journey.getByText("Give the stage a name")).toBeVisible();

  await journey.getByRole("button", { name: "Move Host upstream" }).focus();
  await page.keyboard.press("Enter");
  await expect(journey.getByTestId("stage-row").nth(1)).toContainText("Host");
  await expect(journey.getByRole("button", { name: "Move Enquire upstream" })).toBeDisabled();
  const order = (await journey.getByTestId("stage-row").allTextContents()).map((t) => t.replace(/^\d+\.\s*/, "").split(/\d+ touchpoints?/)[0]!.trim());
  expect(order).toEqual(["Enquire", "Host", "Plan"]);

  await page.goto("/overview");
  const selector = page.getByLabel("Journey", { exact: true });
  await selector.selectOption({ label: (await selector.locator("option", { hasText: "Private events" }).textContent())! });
  await expect(page.getByRole("heading", { name: "Private events has no touchpoints yet" })).toBeVisible();
  await expect(page.getByText("Its stages are Enquire → Host → Plan.")).toBeVisible();
});

test("an admin adds a touchpoint with a metric, sees how values would score, and finds it on the overview", async ({ page }) => {
  await signInAs(page, USERS.admin.email);
  await page.goto("/admin/touchpoints");
  const arrive = page.getByRole("region", { name: "3. Arrive" });
  const add = arrive.getByRole("form", { name: "Add a touchpoint to Arrive" });
  await add.getByLabel("New touchpoint in Arrive").fill("Cloakroom");
  await add.getByLabel("Owned by").selectOption({ label: "Front of House" });
  await add.getByLabel("Moment of truth").check();
  await add.getByRole("button", { name: "Add touchpoint" }).click();
  const cloakroom = arrive.getByTestId("touchpoint-admin").filter({ hasText: "Cloakroom" });
  await expect(cloakroom).toContainText("★ moment of truth");
  await cloakroom.locator("summary").click();

  await cloakroom.getByLabel("New metric for Cloakroom").fill("Coat wait");
  await cloakroom.getByLabel("Kind").selectOption({ label: "Time taken" });
  await expect(cloakroom.getByLabel("Better is")).toHaveValue("LOWER_IS_BETTER");
  await cloakroom.getByLabel("Worst").fill("15");
  await cloakroom.getByLabel("Target").fill("2");
  await cloakroom.getByLabel("Warning line").fill("1");
  await expect(cloakroom.getByText("The warning line must be above the target")).toBeVisible();
  await cloakroom.getByLabel("Warning line").fill("5");
  // 15 min worst → 0; 5 min → 66.7; 2 min → 86.7; 0 min best → 100.
  await expect(cloakroom.getByTestId("score-preview")).toContainText("5 min → 66.7");
  await expect(cloakroom.getByTestId("score-preview")).toContainText("2 min → 86.7");
  await cloakroom.getByRole("button", { name: "Add metric" }).click();
  await expect(cloakroom.getByRole("rowheader", { name: /Coat wait/ })).toBeVisible();
  await expect(cloakroom.getByRole("row", { name: /Coat wait/ })).toContainText("0 min → 15 min");

  // Edit it: the kind stays, the target moves.
  await cloakroom.getByRole("button", { name: "Edit Coat wait" }).click();
  const edit = cloakroom.getByRole("form", { name: "Edit Coat wait" });
  await expect(edit.getByLabel("Kind")).toBeDisabled();
  await edit.getByLabel("Target").fill("3");
  await edit.getByRole("button", { name: "Save metric" }).click();
  await expect(cloakroom.getByRole("row", { name: /Coat wait/ })).toContainText("3 min");

  await page.goto("/overview");
  await expect(page.getByTestId("touchpoint-tile").filter({ hasText: "Cloakroom" })).toContainText("No data");
  await expect(page.getByTestId("stale-list")).toContainText("Cloakroom");
});

test("the entry period cannot change once figures exist, and the settings page says why", async ({ page }) => {
  await signInAs(page, USERS.admin.email);
  await page.goto("/admin/settings");
  await expect(page.getByText("Fixed now that figures have been entered")).toBeVisible();
  await page.getByLabel("Figures are entered per").selectOption("MONTH");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.locator("main form").getByText("Fixed once figures exist (entered by week)")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Figures are entered per")).toHaveValue("WEEK");
  // Bands that overlap are refused before anything is saved.
  await page.getByLabel("Fair from").fill("90");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.locator("main form").getByText("Fair must start below Good")).toBeVisible();
});

test("an admin changes a person's role, deactivates them, and their open session ends at once", async ({ page, browser }) => {
  // Cleo (Customer Care) is used by no other test.
  const cleoContext = await browser.newContext();
  const cleo = await cleoContext.newPage();
  await signInAs(cleo, "care@touchline.demo");
  await cleo.goto("/overview");
  await expect(cleo.getByRole("heading", { level: 1, name: "Journey overview" })).toBeVisible();

  await signInAs(page, USERS.admin.email);
  await page.goto("/admin/people");
  const card = page.getByRole("form", { name: "Cleo Martin's access" });
  await card.getByLabel("Role").selectOption("DEPARTMENT_HEAD");
  await card.getByLabel("Customer Care").uncheck();
  await card.getByRole("button", { name: "Save Cleo Martin" }).click();
  await expect(card.getByRole("alert")).toHaveText("A department head needs at least one department");
  await card.getByLabel("Customer Care").check();
  await card.getByLabel("Delivery").check();
  await card.getByRole("button", { name: "Save Cleo Martin" }).click();
  await expect(card).toContainText("Customer Care, Delivery");

  page.once("dialog", (dialog) => dialog.accept());
  await card.getByRole("button", { name: "Deactivate Cleo Martin" }).click();
  await expect(card).toContainText("Deactivated");
  await cleo.goto("/overview");
  await expect(cleo).toHaveURL(/\/signin/);

  // The only admin cannot step down.
  const own = page.getByRole("form", { name: "Avery Admin's access" });
  await expect(own.getByRole("button", { name: /Deactivate/ })).toHaveCount(0);
  await own.getByLabel("Role").selectOption("EXECUTIVE");
  await own.getByRole("button", { name: "Save Avery Admin" }).click();
  await expect(own.getByRole("alert")).toContainText("Touchline needs at least one active admin");
  await cleoContext.close();
});
