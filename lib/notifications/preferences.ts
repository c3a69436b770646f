// Who wants which messages, by which channel. A person's own choices are NotificationPreference
// rows; where they chose nothing, the default for their role applies (docs/notifications.md,
// "Preferences").
import type { Role } from "../domain";
import type { Db, Tx } from "../db";

export const PREFERENCE_EVENTS = ["reminder", "alert", "digest"] as const;
export type PreferenceEvent = (typeof PREFERENCE_EVENTS)[number];
export const PREFERENCE_CHANNELS = ["in_app", "email"] as const;
export type PreferenceChannel = (typeof PREFERENCE_CHANNELS)[number];

/**
 * The default when a person has chosen nothing: reminders and alerts in the app and by email (they
 * go only to the people they concern); the weekly digest by email to executives and admins, and to
 * nobody else until they subscribe (in the app it would only repeat the overview).
 */
export function defaultPreference(role: Role, event: PreferenceEvent, channel: PreferenceChannel): boolean {
  if (event !== "digest") return true;
  return channel === "email" && (role === "EXECUTIVE" || role === "ADMIN");
}

export type Recipient = { id: number; role: Role };

/**
 * For each person, the channels on which they want `event`: their own choice where they made one,
 * else defaultPreference. One query for all of them. Returns a map from user id to channels.
 */
export async function channelsFor(client: Tx | Db, people: readonly Recipient[], event: PreferenceEvent): Promise<Map<number, Set<PreferenceChannel>>> {
  const chosen = people.length
    ? await client.notificationPreference.findMany({ where: { event, userId: { in: people.map((p) => p.id) } }, select: { userId: true, channel: true, enabled: true } })
    : [];
  const choice = new Map(chosen.map((c) => [`${c.userId}:${c.channel}`, c.enabled]));
  return new Map(
    people.map((p) => [p.id, new Set(PREFERENCE_CHANNELS.filter((channel) => choice.get(`${p.id}:${channel}`) ?? defaultPreference(p.role, event, channel)))]),
  );
}
