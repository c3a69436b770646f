import { expect, test } from "@playwright/test";
import { USERS, signInAs } from "./fixtures";

test("an admin adds, renames, archives and restores a department, and the audit log shows each change", async ({ page }) => {
  await signInAs(page, USERS.admin.email);
  await page.goto("/overview");
  await page.getByRole("link", { name: "Admin" }).click();
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
  const actions = await page.getByTestId("audit-row").locator("td:nth-child(3)").allTextContents();
  expect(actions.slice(0, 4).map((a) => a.replace(/ #\d+$/, ""))).toEqual(["department.restore", "department.archive", "department.update", "department.create"]);
  await expect(page.getByTestId("audit-row").first()).toContainText(USERS.admin.name);
  await expect(page.getByTestId("audit-row").nth(2)).toContainText("Pastry → Pastry & Desserts");
});

test("only admins reach the administration pages", async ({ page }) => {
  await signInAs(page, USERS.executive.email);
  await page.goto("/overview");
  await expect(page.getByRole("link", { name: "Admin" })).toHaveCount(0);
  for (const path of ["/admin/departments", "/admin/audit"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
  }
});
