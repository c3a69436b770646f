import { expect, test } from "@playwright/test";
import { USERS, signInAs, weeksAgo } from "./fixtures";

// Online booking (Reservations) has one metric, Booking effort (CES): target 6, warning 5.2. No
// other test writes last week's figure for it, so the crossing here is this test's own.

test("an executive follows a touchpoint from its report by keyboard, and its alert reaches their bell moments after the head saves a figure below the warning line", async ({ browser }) => {
  const lastWeek = weeksAgo(1);
  const exec = await browser.newPage();
  await signInAs(exec, USERS.executive.email);
  await exec.goto(`/overview?period=${lastWeek}`);
  await exec.getByRole("link", { name: /^Online booking/ }).first().click();
  await expect(exec.getByRole("heading", { level: 1, name: "Online booking" })).toBeVisible();
  const reportUrl = exec.url().replace(/\?.*$/, "");

  const follow = exec.getByRole("button", { name: "Follow", exact: true });
  await expect(follow).toHaveAccessibleDescription("Get this touchpoint's alerts");
  await follow.focus();
  await exec.keyboard.press("Enter");
  const following = exec.getByRole("button", { name: "Following", exact: true });
  await expect(following).toBeFocused();
  await expect(following).toHaveAccessibleDescription("You get this touchpoint's alerts. Press to stop.");
  await expect(exec.getByRole("status").filter({ hasText: "You follow Online booking: you get its alerts." })).toBeAttached();
  await exec.reload();
  await expect(exec.getByRole("button", { name: "Following", exact: true })).toBeVisible();

  const head = await browser.newPage();
  await signInAs(head, "reservations@touchline.demo");
  await head.goto(`/entry?period=${lastWeek}`);
  const cell = head.getByRole("textbox", { name: /^Booking effort \(CES\) \(.*\) value$/ });
  await cell.fill("3");
  const row = head.locator(`[data-testid="entry-row"][data-metric="Booking effort (CES)"]`);
  await row.getByLabel("This figure is right").check();
  await head.getByRole("button", { name: /^Save/ }).click();
  await expect(head.getByText("Saved 1 figure")).toBeVisible();

  // The bell polls each minute; a reload asks now. The worker in the server judged the save within
  // moments. Below the line is one alert; if the demo's last weeks were falling, "fallen 3 weeks in a
  // row" is a second, each rule alerting once for its own crossing.
  const bell = exec.getByRole("button", { name: /^Notifications, / });
  await expect(async () => {
    await exec.reload();
    await expect(bell).toHaveAccessibleName(/^Notifications, [12] unread$/, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await bell.click();
  const alert = exec.getByRole("dialog", { name: "Notifications" }).getByTestId("notification").filter({ hasText: "Online booking (Reservations) fell below its warning line" });
  await expect(alert).toContainText(/33\.3 in the week of \d{1,2} \w{3} \d{4} \(warning 70\.0\)/);
  await alert.getByRole("link").click();
  await expect(exec).toHaveURL(`${reportUrl}?to=${lastWeek}`);
  await expect(exec.getByTestId("report-score")).toHaveText("33.3");
});
