import { expect, test, type Page } from "@playwright/test";
import { USERS, signInAs } from "./fixtures";

// Every page is served with a nonce-based Content-Security-Policy, and works under it: no
// violation is reported while pages render, hydrate and run their scripts.

/** Records CSP violations the page reports, from before its first script runs. */
async function watchViolations(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) consoleErrors.push(message.text());
  });
  return consoleErrors;
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

test("the sign-in page has a CSP with a fresh nonce per response, and may not be framed", async ({ page, request }) => {
  const [first, second] = [await request.get("/signin"), await request.get("/signin")];
  const policy = first.headers()["content-security-policy"]!;
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toContain("unsafe-eval");
  const nonce = (p: string) => /'nonce-([^']+)'/.exec(p)![1];
  expect(nonce(second.headers()["content-security-policy"]!)).not.toBe(nonce(policy));
  // Next.js's scripts carry the response's nonce.
  expect(await first.text()).toContain(`nonce="${nonce(policy)}"`);

  const consoleErrors = await watchViolations(page);
  await page.goto("/signin");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  expect(await violations(page)).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test("signed-in pages run under the CSP without a single violation", async ({ page }) => {
  const consoleErrors = await watchViolations(page);
  await signInAs(page, USERS.admin.email);
  for (const path of ["/overview", "/entry", "/changes", "/admin/settings", "/admin/webhooks", "/admin/outbox", "/account"]) {
    const response = await page.goto(path);
    expect(response!.headers()["content-security-policy"], path).toContain("'strict-dynamic'");
    // Hydrated: the bell is a working button.
    await expect(page.getByRole("button", { name: /^Notifications/ })).toBeVisible();
    expect(await violations(page), path).toEqual([]);
  }
  // The 404 page renders per request too, so it has a nonce.
  const missing = await page.goto("/no-such-page");
  expect(missing!.status()).toBe(404);
  expect(missing!.headers()["content-security-policy"]).toContain("'strict-dynamic'");
  expect(await violations(page)).toEqual([]);

  // A chart and a client-side interaction under the policy.
  await page.goto("/overview");
  await page.getByRole("button", { name: /^Notifications/ }).click();
  await expect(page.getByRole("dialog", { name: "Notifications" })).toBeVisible();
  expect(await violations(page)).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test("answers the app does not render with a nonce still carry a policy that runs no script", async ({ request }) => {
  for (const path of ["/api/no-such-route", "/api/auth/signout", "/favicon.ico"]) {
    const response = await request.get(path);
    expect(response.headers()["content-security-policy"], path).toContain("default-src 'none'");
  }
});

test("the sign-in endpoint refuses a body over 16 KB before next-auth reads it, and a page post over 1 MB without JavaScript gets 413 too", async ({ request }) => {
  const auth = await request.post("/api/auth/callback/credentials", { headers: { "Content-Type": "application/x-www-form-urlencoded" }, data: `email=a%40b.c&password=${"x".repeat(20_000)}` });
  expect(auth.status()).toBe(413);
  const form = await request.post("/account", { multipart: { "$ACTION_ID_7f00000000000000000000000000000000000000aa": "", big: "x".repeat(1024 * 1024 + 10) } });
  expect(form.status()).toBe(413);
});
