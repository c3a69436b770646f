import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, USERS, signInAs } from "./fixtures";

test("the sign-in form signs a user in and sign-out ends the session", async ({ page }) => {
  await page.goto("/overview");
  await expect(page).toHaveURL(/\/signin/);
  await page.getByLabel("Email").fill(USERS.executive.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/overview$/);
  await expect(page.getByTestId("signed-in-user")).toContainText(USERS.executive.name);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/overview");
  await expect(page).toHaveURL(/\/signin/);
});

test("a wrong password shows a message that does not reveal whether the email exists", async ({ page }) => {
  await page.goto("/signin");
  const message = "That email and password don't match an active account.";
  for (const email of [USERS.admin.email, "nobody@touchline.demo"]) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText(message);
  }
  await expect(page).toHaveURL(/\/signin/);
});

const NAVIGATION = [
  { user: USERS.admin, links: ["Overview", "Changes", "Metric entry", "Admin"] },
  { user: USERS.executive, links: ["Overview", "Changes"] },
  { user: USERS.kitchenHead, links: ["Overview", "Changes", "Metric entry"] },
  { user: USERS.viewer, links: ["Overview", "Changes"] },
];

for (const { user, links } of NAVIGATION) {
  test(`${user.role} sees their name, role and the right navigation`, async ({ page }) => {
    await signInAs(page, user.email);
    await page.goto("/");
    await expect(page).toHaveURL(/\/overview$/);
    const header = page.getByTestId("signed-in-user");
    await expect(header).toContainText(user.name);
    await expect(header).toContainText(user.role);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText(links);
  });
}

test("a callbackUrl that normalises to another host stays on the site, signing in and already signed in", async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  await page.goto("/signin?callbackUrl=/.//evil.example");
  await page.getByLabel("Email").fill(USERS.executive.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${origin}/overview`);

  for (const shape of ["/.//evil.example", "/a/..//evil.example", "/%2e//evil.example", "//evil.example", "/\\evil.example"]) {
    await page.goto(`/signin?callbackUrl=${encodeURIComponent(shape)}`);
    await expect(page, shape).toHaveURL(`${origin}/overview`);
  }
  // A real path on the site is kept.
  await page.goto(`/signin?callbackUrl=${encodeURIComponent("/changes")}`);
  await expect(page).toHaveURL(`${origin}/changes`);
});

test("a server action call with a body over 1 MB is refused with 413 before it is read", async ({ request }) => {
  const response = await request.post("/signin", {
    headers: { "Next-Action": "7f00000000000000000000000000000000000000aa", "Content-Type": "text/plain;charset=UTF-8" },
    data: "a".repeat(1024 * 1024 + 1),
  });
  expect(response.status()).toBe(413);
  expect(await response.text()).toBe("Request too large: a form may send at most 1 MB.\n");
  // At the limit it goes on to Next.js (which refuses the unknown action, not the size).
  const atLimit = await request.post("/signin", { headers: { "Next-Action": "7f00000000000000000000000000000000000000aa", "Content-Type": "text/plain;charset=UTF-8" }, data: "a".repeat(1024) });
  expect(atLimit.status()).not.toBe(413);
});
