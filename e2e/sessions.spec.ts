import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { USERS, signInAs } from "./fixtures";

const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
const PASSWORD = "a long enough password";

/** The admin invites `email` as a viewer; the invitee joins in a context of their own and is signed in there. */
async function newPerson(admin: Page, browser: Browser, email: string, name: string): Promise<BrowserContext> {
  await signInAs(admin, USERS.admin.email);
  await admin.goto("/admin/people");
  const form = admin.getByRole("form", { name: "Invite someone" });
  await form.getByLabel("Email address").fill(email);
  await form.getByLabel("Role").selectOption("VIEWER");
  await form.getByRole("button", { name: "Make invitation link" }).click();
  const link = await admin.getByLabel("Invitation link").inputValue();
  await admin.getByLabel("Invitation link").press("Escape");

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  const join = page.getByRole("form", { name: "Join Touchline" });
  await join.getByLabel("Your name").fill(name);
  await join.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await join.getByLabel("Repeat the password").fill(PASSWORD);
  await join.getByRole("button", { name: "Join Touchline" }).click();
  await expect(page).toHaveURL(/\/overview/);
  return context;
}

/** A second browser holding a copy of `context`'s cookies, as a thief with the cookie would. */
async function copyOf(browser: Browser, context: BrowserContext): Promise<BrowserContext> {
  const copy = await browser.newContext();
  await copy.addCookies(await context.cookies());
  return copy;
}

/** What GET /api/auth/session says to this browser: the signed-in user's email, or null. */
async function sessionEmail(context: BrowserContext): Promise<string | null> {
  const body = (await (await context.request.get("/api/auth/session")).json()) as { user?: { email?: string } };
  return body.user?.email ?? null;
}

async function expectSignedOut(page: Page) {
  await page.goto("/overview");
  await expect(page).toHaveURL(/\/signin/);
}

test("after sign-out a copied session cookie no longer works, on pages or /api/auth/session", async ({ page, browser }) => {
  await signInAs(page, USERS.executive.email);
  await page.goto("/overview");
  await expect(page.getByTestId("signed-in-user")).toContainText(USERS.executive.name);
  const thief = await copyOf(browser, page.context());
  const stolen = await thief.newPage();
  await stolen.goto("/overview");
  await expect(stolen.getByTestId("signed-in-user")).toContainText(USERS.executive.name);
  expect(await sessionEmail(thief)).toBe(USERS.executive.email);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  await expectSignedOut(stolen);
  const again = await copyOf(browser, thief); // the cookie as first copied, before any answer cleared it
  expect(await sessionEmail(again)).toBeNull();
  expect(await sessionEmail(thief)).toBeNull();
  await Promise.all([thief.close(), again.close()]);
});

test("a person sees where they are signed in and ends the other session from the account page", async ({ page, browser }) => {
  test.setTimeout(60_000); // three sign-ins, each a deliberately slow password hash
  const email = "sasha.two.devices@example.com";
  const laptop = await newPerson(page, browser, email, "Sasha Kim");
  const phoneContext = await browser.newContext({ userAgent: IPHONE });
  const phone = await phoneContext.newPage();
  await signInAs(phone, email, PASSWORD);
  await phone.goto("/overview");
  await expect(phone.getByTestId("signed-in-user")).toContainText("Sasha Kim");

  const here = await laptop.newPage();
  await here.goto("/account");
  const list = here.getByRole("list", { name: "Your sessions" });
  await expect(list.getByTestId("session")).toHaveCount(2);
  await expect(list.getByTestId("session").first()).toContainText("This device");
  const other = list.getByTestId("session").filter({ hasText: "Mobile Safari 17 on iPhone, iOS 17.4" });
  await expect(other).toContainText("Last active");
  await other.getByRole("button", { name: /^End the session on Mobile Safari 17 on iPhone/ }).click();
  await expect(here.getByText("Signed out Mobile Safari 17 on iPhone, iOS 17.4")).toBeVisible();
  await expect(list.getByTestId("session")).toHaveCount(1);
  await expect(here.getByText("You are signed in only here.")).toBeVisible();

  // The phone is signed out on its next request; this browser is not.
  await expectSignedOut(phone);
  expect(await sessionEmail(phoneContext)).toBeNull();
  await here.goto("/overview");
  await expect(here.getByTestId("signed-in-user")).toContainText("Sasha Kim");

  // Sign out everywhere else.
  await signInAs(phone, email, PASSWORD);
  await here.goto("/account");
  await expect(list.getByTestId("session")).toHaveCount(2);
  await here.getByRole("button", { name: "Sign out everywhere else" }).click();
  await expect(here.getByText("Signed out 1 other session")).toBeVisible();
  await expectSignedOut(phone);
  await here.goto("/overview");
  await expect(here.getByTestId("signed-in-user")).toContainText("Sasha Kim");
  await Promise.all([laptop.close(), phoneContext.close()]);
});

test("a deactivated person is signed out at once, and reactivating them does not bring the old session back", async ({ page, browser }) => {
  test.setTimeout(60_000);
  const email = "dev.active@example.com";
  const theirs = await newPerson(page, browser, email, "Devon Active");
  const copied = await copyOf(browser, theirs);
  const them = await theirs.newPage();

  await page.reload();
  const card = page.getByTestId("person").filter({ hasText: email });
  page.once("dialog", (dialog) => dialog.accept());
  await card.getByRole("button", { name: "Deactivate Devon Active" }).click();
  await expect(page.getByText(/^Deactivated Devon Active; signed them out \(1 session\)/)).toBeVisible();
  await expectSignedOut(them);

  await card.getByRole("button", { name: "Reactivate Devon Active" }).click();
  await expect(page.getByText("Reactivated Devon Active")).toBeVisible();
  // The cookie they had (here a copy of it, never cleared) stays ended.
  const old = await copied.newPage();
  await expectSignedOut(old);
  expect(await sessionEmail(copied)).toBeNull();
  // Signing in again opens a new session.
  await signInAs(them, email, PASSWORD);
  await them.goto("/overview");
  await expect(them.getByTestId("signed-in-user")).toContainText("Devon Active");
  await Promise.all([theirs.close(), copied.close()]);
});
