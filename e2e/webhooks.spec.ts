import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { verifyWebhookSignature } from "../lib/notifications/webhook-signature";
import { startWebhookReceiver, type WebhookReceiver } from "../tests/webhook-receiver";
import { USERS, signInAs } from "./fixtures";

// A real HTTP server on loopback, started by the test, stands in for the receiving system.
let receiver: WebhookReceiver;
test.beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
test.afterAll(() => receiver.close());

const axe = (page: import("@playwright/test").Page) => new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();

test("an admin adds a webhook, sees its secret once, sends a test event the receiver can verify, and finds it in the delivery log", async ({ page }) => {
  const name = `E2E receiver ${Date.now()}`;
  await signInAs(page, USERS.admin.email);
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Webhooks" }).click();
  await expect(page).toHaveURL(/\/admin\/webhooks$/);

  const form = page.getByRole("form", { name: "Add a webhook" });
  // Mistakes first: a scheme that is not HTTP, and no event.
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("URL").fill("ftp://127.0.0.1/x");
  await form.getByRole("button", { name: "Add webhook" }).click();
  await expect(form.getByText("Webhooks are sent over HTTP: use an https:// (or http://) URL, not ftp:")).toBeVisible();
  await expect(form.getByLabel("URL")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText("Choose at least one event to send")).toBeVisible();

  await form.getByLabel("URL").fill(`${receiver.origin}/e2e`);
  await form.getByRole("checkbox", { name: /^Alerts/ }).check();
  await form.getByRole("button", { name: "Add webhook" }).click();

  const shown = page.getByTestId("new-webhook-secret");
  await expect(shown).toContainText("won't be shown again");
  const secret = await shown.getByLabel("Signing secret").inputValue();
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
  await shown.getByRole("button", { name: "Done" }).click();
  await expect(shown).toBeHidden();

  // Never again: after a reload the page has only its first characters.
  await page.reload();
  const card = page.getByTestId("webhook-card").filter({ hasText: name });
  await expect(card).toContainText(`Secret ${secret.slice(0, 10)}…`);
  await expect(card).toContainText("No deliveries yet");
  expect(await page.content()).not.toContain(secret.slice(10));

  await card.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
  await page.getByRole("button", { name: "Send test event" }).click();
  await expect(page.getByTestId("test-result")).toContainText("Delivered: the endpoint answered HTTP 200.");

  const tests = receiver.received.filter((r) => r.headers["touchline-event-type"] === "test");
  expect(tests).toHaveLength(1);
  const [request] = tests;
  expect(request!.path).toBe("/e2e");
  expect(verifyWebhookSignature(secret, request!.headers["touchline-signature"] as string, request!.body)).toBe(true);
  expect(JSON.parse(request!.body)).toMatchObject({ type: "test", text: `Test event from Touchline: the webhook “${name}” is set up and receiving.` });

  const row = page.getByTestId("delivery-row").first();
  await expect(row).toContainText("Test event");
  await expect(row).toContainText(JSON.parse(request!.body).id);
  await expect(row.getByRole("cell").nth(0)).toHaveText(/^\W*Sent$/);
  await expect(row.getByRole("cell").nth(1)).toHaveText("200");
  expect((await axe(page)).violations.map((v) => v.id)).toEqual([]);

  // Turned off, it cannot be tested; deleted (after confirming), it is gone from the list.
  await page.getByRole("button", { name: "Turn off" }).click();
  await expect(page.getByRole("button", { name: "Send test event" })).toBeDisabled();
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(/\/admin\/webhooks$/);
  await expect(page.getByTestId("webhook-card").filter({ hasText: name })).toHaveCount(0);
});

test("the webhooks page is for admins only", async ({ page }) => {
  await signInAs(page, USERS.executive.email);
  const response = await page.goto("/admin/webhooks");
  expect(response?.status()).toBe(403);
});
