import { expect, test, type Page } from "@playwright/test";
import { USERS, signInAs } from "./fixtures";

/** As the admin, invites `email` as a viewer through the People page; returns the one-time link. */
async function invite(page: Page, email: string): Promise<string> {
  await signInAs(page, USERS.admin.email);
  await page.goto("/admin/people");
  const form = page.getByRole("form", { name: "Invite someone" });
  await form.getByLabel("Email address").fill(email);
  await form.getByLabel("Role").selectOption("VIEWER");
  await form.getByRole("button", { name: "Make invitation link" }).click();
  return page.getByLabel("Invitation link").inputValue();
}

test("a person changes their own password: the current one is required, other sessions end, this one goes on", async ({ page, browser }) => {
  test.setTimeout(60_000); // four sign-ins, each a deliberately slow password hash
  const email = "sam.reed@example.com";
  const link = await invite(page, email);

  const samContext = await browser.newContext();
  const sam = await samContext.newPage();
  await sam.goto(link);
  const join = sam.getByRole("form", { name: "Join Touchline" });
  await join.getByLabel("Your name").fill("Sam Reed");
  await join.getByLabel("Password", { exact: true }).fill("first long password");
  await join.getByLabel("Repeat the password").fill("first long password");
  await join.getByRole("button", { name: "Join Touchline" }).click();
  await expect(sam).toHaveURL(/\/overview/);

  // The same person on another device.
  const otherDevice = await browser.newPage();
  await signInAs(otherDevice, email, "first long password");
  await otherDevice.goto("/overview");
  await expect(otherDevice.getByTestId("signed-in-user")).toContainText("Sam Reed");

  await sam.getByTestId("signed-in-user").click();
  await expect(sam).toHaveURL(/\/account$/);
  const form = sam.getByRole("form", { name: "Change password" });
  await form.getByLabel("Current password").fill("not my password");
  await form.getByLabel("New password", { exact: true }).fill("second long password");
  await form.getByLabel("Repeat the new password").fill("second long password");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("That is not your current password")).toBeVisible();

  await form.getByLabel("Current password").fill("first long password");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(sam.getByText("Password changed. Other devices are signed out.")).toBeVisible();
  await sam.goto("/overview");
  await expect(sam.getByTestId("signed-in-user")).toContainText("Sam Reed");

  await otherDevice.goto("/overview");
  await expect(otherDevice).toHaveURL(/\/signin/);
  await signInAs(otherDevice, email, "second long password");
  await otherDevice.goto("/overview");
  await expect(otherDevice.getByTestId("signed-in-user")).toContainText("Sam Reed");
  await samContext.close();
});

test("an admin withdraws an invitation and its link stops working", async ({ page }) => {
  const link = await invite(page, "withdrawn@example.com");
  await page.getByLabel("Invitation link").press("Escape");
  await page.getByRole("button", { name: "Done" }).click();
  const row = page.getByTestId("invitation-row").filter({ hasText: "withdrawn@example.com" });
  await expect(row).toContainText("Valid until");
  page.once("dialog", (dialog) => dialog.accept());
  await row.getByRole("button", { name: "Withdraw the invitation for withdrawn@example.com" }).click();
  await expect(row).toHaveCount(0);

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This invitation was withdrawn" })).toBeVisible();
});

test("sign-in pauses after 5 failed attempts for an account, and says for how long", async ({ page }) => {
  await page.goto("/signin");
  // An address no other test signs in with, so the pause touches nothing else.
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel("Email").fill("guessed@touchline.demo");
    await page.getByLabel("Password").fill(`guess number ${attempt}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText("That email and password don't match an active account.");
  }
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText(/^Too many failed attempts for this account\. For your security, sign-in is paused: try again in 15 minutes, or ask an admin\.$/);
});

test("an admin corrects a person's name and makes a password reset link; the person chooses a new password with it", async ({ page, browser }) => {
  test.setTimeout(60_000);
  const link = await invite(page, "rae.lin@example.com");
  const raeContext = await browser.newContext();
  const rae = await raeContext.newPage();
  await rae.goto(link);
  const join = rae.getByRole("form", { name: "Join Touchline" });
  await join.getByLabel("Your name").fill("Rae Lynn");
  await join.getByLabel("Password", { exact: true }).fill("a password to forget");
  await join.getByLabel("Repeat the password").fill("a password to forget");
  await join.getByRole("button", { name: "Join Touchline" }).click();
  await expect(rae).toHaveURL(/\/overview/);
  await raeContext.close();

  await page.reload();
  const card = page.getByTestId("person").filter({ hasText: "rae.lin@example.com" });
  await card.getByText("Name, email and password").click();
  const details = card.getByRole("form", { name: "Rae Lynn's details" });
  await details.getByLabel("Name").fill("Rae Lin");
  await details.getByRole("button", { name: "Save details" }).click();
  await expect(card).toContainText("Rae Lin");
  await card.getByRole("button", { name: "Make a password reset link" }).click();
  const resetLink = await card.getByLabel("Password reset link for Rae Lin").inputValue();
  expect(resetLink).toMatch(/\/reset\/[A-Za-z0-9_-]{43}$/);

  const later = await browser.newContext();
  const again = await later.newPage();
  await again.goto(resetLink);
  await expect(again.getByText("For Rae Lin (rae.lin@example.com).")).toBeVisible();
  const form = again.getByRole("form", { name: "Choose a new password" });
  await form.getByLabel("New password", { exact: true }).fill("a better memory now");
  await form.getByLabel("Repeat the new password").fill("a better memory now");
  await form.getByRole("button", { name: "Save the new password" }).click();
  await expect(again).toHaveURL(/\/overview/);
  await expect(again.getByTestId("signed-in-user")).toContainText("Rae Lin");
  await again.goto(resetLink);
  await expect(again.getByRole("heading", { name: "This reset link has been used" })).toBeVisible();
  await later.close();
});
