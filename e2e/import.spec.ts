import { expect, test } from "@playwright/test";
import { USERS, signInAs, weeksAgo } from "./fixtures";

const HEADER = "department,touchpoint,metric,metric_id,period,value,sample_size,source,note";
const file = (name: string, text: string | Buffer) => ({ name, mimeType: "text/csv", buffer: Buffer.isBuffer(text) ? text : Buffer.from(text) });

test("a head downloads the template, uploads a file with a bad line, sees it in the preview and imports the valid lines", async ({ page }) => {
  await signInAs(page, USERS.kitchenHead.email);
  await page.goto("/entry");
  await page.getByRole("link", { name: "Import CSV" }).click();
  await expect(page.getByRole("heading", { name: "Import figures from a CSV file" })).toBeVisible();

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Template for Kitchen" }).click();
  const template = await (await downloading).createReadStream();
  let text = "";
  for await (const chunk of template) text += chunk;
  const lines = text.trim().split(/\r?\n/);
  expect(lines[0]).toBe(HEADER);
  expect(lines).toHaveLength(5);
  expect(lines.slice(1).map((l) => l.split(",")[2])).toEqual(["Food rating", "Ticket time", "Food complaints", "Delivered food rating"]);

  const period = weeksAgo(9);
  const csv = [HEADER, `Kitchen,Food,Food complaints,,${period},4,,Operational,Imported`, `Kitchen,Food,Food rating,,${period},9,120,Survey,`, ""].join("\n");
  await page.getByLabel("CSV file (UTF-8)").setInputFiles(file("kitchen.csv", csv));

  const preview = page.getByTestId("import-preview");
  await expect(preview).toContainText("2 lines read");
  await expect(preview).toContainText("1 line ready");
  await expect(preview).toContainText("1 line with problems");
  await expect(page.getByTestId("import-problems").getByRole("row", { name: "3 Value must be between 1 and 5" })).toBeVisible();
  await page.getByRole("button", { name: "Import only the 1 line without problems" }).click();
  await expect(page.getByTestId("import-result")).toContainText("1 figure saved, 0 unchanged, 1 line skipped");

  await page.goto(`/entry?period=${period}`);
  await expect(page.getByRole("textbox", { name: /^Food complaints .* value$/ })).toHaveValue("4");
});

test("a file without the needed columns is refused before anything is sent", async ({ page }) => {
  await signInAs(page, USERS.kitchenHead.email);
  await page.goto("/entry/import");
  await page.getByLabel("CSV file (UTF-8)").setInputFiles(file("wrong.csv", "name,score\nFood,4\n"));
  await expect(page.locator("main").getByRole("alert")).toContainText("The file has no metric_id (or department, touchpoint and metric), period, value columns.");
});

test("a file that is not UTF-8 is refused with the way to fix it", async ({ page }) => {
  await signInAs(page, USERS.kitchenHead.email);
  await page.goto("/entry/import");
  const latin1 = Buffer.concat([Buffer.from(`${HEADER}\nKitchen,Food,Food rating,,${weeksAgo(9)},4,,Survey,Caf`), Buffer.from([0xe9]), Buffer.from("\n")]);
  await page.getByLabel("CSV file (UTF-8)").setInputFiles(file("latin1.csv", latin1));
  await expect(page.locator("main").getByRole("alert")).toContainText('Line 2 has characters that are not UTF-8. Save the file as "CSV UTF-8" and try again.');
});

test("a viewer cannot reach the import", async ({ page }) => {
  await signInAs(page, USERS.viewer.email);
  expect((await page.goto("/entry/import"))?.status()).toBe(403);
  const api = await page.request.post("/api/import", { data: { mode: "preview", rows: [["", "", "", "1", weeksAgo(9), "4", "", "", ""]] } });
  expect(api.status()).toBe(403);
});

test("line numbers stay right after a note that spans lines, and an unquoted comma is caught", async ({ page }) => {
  await signInAs(page, USERS.kitchenHead.email);
  await page.goto("/entry/import");
  const period = weeksAgo(11);
  const multiLine = [HEADER, `Kitchen,Food,Food complaints,,${period},3,,,"Busy night:\ntwo chefs off"`, `Kitchen,Food,Food rating,,${period},11,,,`, ""].join("\n");
  await page.getByLabel("CSV file (UTF-8)").setInputFiles(file("notes.csv", multiLine));
  await expect(page.getByTestId("import-problems").getByRole("row", { name: "4 Value must be between 1 and 5" })).toBeVisible();

  await page.getByRole("button", { name: "Cancel" }).click();
  const comma = [HEADER, `Kitchen,Food,Food complaints,,${period},3,,,Busy, two chefs off`, ""].join("\n");
  await page.getByLabel("CSV file (UTF-8)").setInputFiles(file("comma.csv", comma));
  await expect(page.locator("main").getByRole("alert")).toContainText("Line 2 has more values than the header has columns.");
});
