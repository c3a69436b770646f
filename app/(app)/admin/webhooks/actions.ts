"use server";

import { revalidatePath } from "next/cache";
import { authenticatedAction } from "@/lib/actions";
import { createWebhook, deleteWebhook, rotateWebhookSecret, sendTestWebhook, updateWebhook } from "@/lib/data/webhooks";
import { createWebhookSchema, setWebhookActiveSchema, updateWebhookSchema, webhookIdSchema } from "@/lib/validation/webhooks";

// Admins only: each data function checks the caller's role (lib/permissions.ts) before anything.
const create = authenticatedAction(createWebhookSchema, createWebhook);
const update = authenticatedAction(updateWebhookSchema, updateWebhook);
const setActive = authenticatedAction(setWebhookActiveSchema, updateWebhook);
const rotate = authenticatedAction(webhookIdSchema, rotateWebhookSecret);
const remove = authenticatedAction(webhookIdSchema, deleteWebhook);
const test = authenticatedAction(webhookIdSchema, (actor, input) => sendTestWebhook(actor, input));

/** Revalidates the list and every endpoint's page after a change that succeeded. */
const refreshed = <T extends { ok: boolean }>(result: T) => {
  if (result.ok) revalidatePath("/admin/webhooks", "layout");
  return result;
};

/** Adds an endpoint; returns its secret, once. */
export async function createWebhookAction(input: unknown) {
  return refreshed(await create(input));
}

/** Saves an endpoint's name, URL, events and on/off. */
export async function updateWebhookAction(input: unknown) {
  return refreshed(await update(input));
}

/** Turns an endpoint on or off. */
export async function setWebhookActiveAction(input: unknown) {
  return refreshed(await setActive(input));
}

/** Replaces the secret; returns the new one, once. */
export async function rotateWebhookSecretAction(input: unknown) {
  return refreshed(await rotate(input));
}

/** Deletes an endpoint and its delivery log. */
export async function deleteWebhookAction(input: unknown) {
  return refreshed(await remove(input));
}

/** Sends a test event now and returns the delivery's outcome (up to the 10 s timeout). */
export async function sendTestWebhookAction(input: unknown) {
  return refreshed(await test(input));
}
