import { expect, test } from "@playwright/test";
import { USERS, signInAs, weeksAgo } from "./fixtures";

// scripts/e2e-server.ts queued this week's reminders with `npm run worker -- --remind <Monday>`
// right after seeding (the seed leaves this week's figures to be entered), without a mail server.

test("a department head finds the reminder in the bell and follows it to the entry grid at that period", async ({ page }) => {
  const period = weeksAgo(0);
  await signInAs(page, USERS.kitchenHead.email);
  await page.goto("/overview");

  const bell = page.getByRole("button", { name: /^Notifications, \d+ unread$/ });
  await expect(bell).toHaveAccessibleName("Notifications, 1 unread");
  await bell.click();
  const panel = page.getByRole("dialog", { name: "Notifications" });
  await expect(panel).toBeVisible();
  const reminder = panel.getByTestId("notification").filter({ hasText: /figures? missing for the week of/ });
  await expect(reminder).toHaveCount(1);
  await expect(reminder).toContainText("Kitchen: Food: Food rating");
  await expect(reminder).toContainText("Unread");

  // Escape closes the popover and puts focus back on the bell.
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(bell).toBeFocused();

  // Open again from the keyboard, then follow the reminder.
  await page.keyboard.press("Enter");
  await expect(panel).toBeVisible();
  await reminder.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/entry\\?department=\\d+&period=${period}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Metric entry" })).toBeVisible();
  await expect(page.getByLabel("Period")).toHaveValue(period);

  // Following it marked it read.
  await expect(page.getByRole("button", { name: "Notifications, none unread" })).toBeVisible();
  await page.getByRole("button", { name: "Notifications, none unread" }).click();
  await expect(page.getByRole("dialog", { name: "Notifications" }).getByTestId("notification").first()).not.toContainText("Unread");
});

test("a person with no notifications sees 'Nothing yet'", async ({ page }) => {
  await signInAs(page, USERS.viewer.email);
  await page.goto("/overview");
  await page.getByRole("button", { name: "Notifications, none unread" }).click();
  await expect(page.getByRole("dialog", { name: "Notifications" })).toContainText("Nothing yet");
  await expect(page.getByRole("button", { name: "Mark all read" })).toBeDisabled();
});

test("an admin sets the time zone and notification schedules, with a clear error for an invalid one", async ({ page }) => {
  await signInAs(page, USERS.admin.email);
  await page.goto("/admin/settings");
  const form = page.getByRole("form", { name: "Notifications" });
  await form.getByLabel("Time zone").fill("Europe/Londn");
  await form.getByLabel("Reminder schedule").fill("0 25 * * 1");
  await form.getByLabel("Second nudge, hours after the reminders").fill("200");
  await form.getByLabel("Digest schedule").fill("every monday");
  await form.getByLabel("Journey shortfall alert, points").fill("0");
  await form.getByRole("button", { name: "Save notification settings" }).click();
  await expect(form.getByText(/^Not a time zone: use an IANA name such as Europe\/London/)).toBeVisible();
  await expect(form.getByText(/^Not a schedule \(.+\)\. Use five fields: minute hour/)).toBeVisible();
  await expect(form.getByText("The second nudge must come within 144 hours (6 days) of the reminders")).toBeVisible();
  await expect(form.getByText(/^Use five fields/)).toBeVisible();
  await expect(form.getByText("A shortfall alert needs more than 0 points (leave it blank for none)")).toBeVisible();
  await expect(form.getByLabel("Time zone")).toHaveAttribute("aria-invalid", "true");

  await form.getByLabel("Time zone").fill("Europe/London");
  await form.getByLabel("Reminder schedule").fill("0 10 * * 1");
  await form.getByLabel("Second nudge, hours after the reminders").fill("24");
  await form.getByLabel("Digest schedule").fill("0 8 * * 1");
  await form.getByLabel("Journey shortfall alert, points").fill("5");
  await form.getByRole("button", { name: "Save notification settings" }).click();
  await expect(page.getByText("Notification settings saved")).toBeVisible();
  await expect(form.getByTestId("next-digest")).toHaveText(/^Next digest: Mon, \d{1,2} \w{3} \d{4}, 08:00 \(Europe\/London\), for the week of /);
  await expect(form.getByTestId("next-reminder")).toHaveText(/^Next reminders: Mon, \d{1,2} \w{3} \d{4}, 10:00 \(Europe\/London\), for the week of /);
});

test("an admin sees in the outbox why reminder emails were not sent", async ({ page }) => {
  await signInAs(page, USERS.admin.email);
  await page.goto("/admin/outbox");
  await expect(page.getByRole("note")).toContainText("No mail server is configured (SMTP_URL is not set)");
  const rows = page.getByTestId("outbox-row");
  await expect(rows.first()).toBeVisible();
  const skipped = rows.filter({ hasText: "Not sent: no mail server configured" }).filter({ hasText: /figures? missing for the week of/ }).first();
  await expect(skipped).toContainText("Not sent");
  await expect(skipped).toContainText(/To .+ <.+@touchline\.demo>/);

  await page.getByRole("navigation", { name: "Status" }).getByRole("link", { name: "Sent", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/outbox\?status=sent$/);
  await expect(page.getByText("No messages match")).toBeVisible();
  await page.getByRole("navigation", { name: "Status" }).getByRole("link", { name: "Not sent" }).click();
  await expect(page).toHaveURL(/\?status=skipped$/);

  // Sending an email again before a mail server is configured would only skip it again: no button.
  await expect(page.getByTestId("outbox-row").first()).toBeVisible();
  await expect(page.getByRole("button", { name: /^Send again/ })).toHaveCount(0);
});

test("on a phone the bell's list opens inside the screen", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, USERS.kitchenHead.email);
  await page.goto("/overview");
  await page.getByRole("button", { name: /^Notifications/ }).click();
  const box = (await page.getByRole("dialog", { name: "Notifications" }).boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
});
