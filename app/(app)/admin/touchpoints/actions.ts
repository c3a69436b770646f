"use server";

import { revalidatePath } from "next/cache";
import { authenticatedAction } from "@/lib/actions";
import { createMetric, createTouchpoint, setMetricArchived, setTouchpointArchived, updateMetric, updateTouchpoint } from "@/lib/data/touchpoints-admin";
import { createMetricSchema, createTouchpointSchema, metricIdSchema, touchpointIdSchema, updateMetricSchema, updateTouchpointSchema } from "@/lib/validation/touchpoints";

const actions = {
  createTouchpoint: authenticatedAction(createTouchpointSchema, (actor, input) => createTouchpoint(actor, input)),
  updateTouchpoint: authenticatedAction(updateTouchpointSchema, (actor, input) => updateTouchpoint(actor, input)),
  archiveTouchpoint: authenticatedAction(touchpointIdSchema, (actor, input) => setTouchpointArchived(actor, input, true)),
  restoreTouchpoint: authenticatedAction(touchpointIdSchema, (actor, input) => setTouchpointArchived(actor, input, false)),
  createMetric: authenticatedAction(createMetricSchema, (actor, input) => createMetric(actor, input)),
  updateMetric: authenticatedAction(updateMetricSchema, (actor, input) => updateMetric(actor, input)),
  archiveMetric: authenticatedAction(metricIdSchema, (actor, input) => setMetricArchived(actor, input, true)),
  restoreMetric: authenticatedAction(metricIdSchema, (actor, input) => setMetricArchived(actor, input, false)),
};

/** One entry point for the touchpoints page's changes; every one checks the role on the server. */
export async function touchpointAdminAction(name: keyof typeof actions, input: unknown) {
  if (!Object.hasOwn(actions, name)) return { ok: false as const, code: "invalid" as const, message: "Unknown change." };
  const result = await actions[name](input);
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
