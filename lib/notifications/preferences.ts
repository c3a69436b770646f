// Who wants which messages, by which channel. A person's own choices are NotificationPreference
// rows; where they chose nothing, the default for their role applies (docs/notifications.md,
// "Preferences").
import type { Role } from "../domain";
import type { Db, Tx } from "../db";

export const PREFERENCE_EVENTS = ["reminder", "alert", "digest"] as const;
export type PreferenceEvent = (typeof PREFERENCE_EVENTS)[number];
export const PREFERENCE_CHANNELS = ["in_app", "email"] as const;
export type PreferenceChannel = (typeof PREFERENCE_CHANNELS)[number];

/** Each event in words: `name` as a heading, `what` inside a sentence ("Stop … by email"), `about` for who gets it. */
export const PREFERENCE_EVENT_LABELS: Record<PreferenceEvent, { name: string; what: string; about: string }> = {
  reminder: { name: "Reminders of missing figures", what: "reminders of missing figures", about: "Your departments' figures not yet entered for the period just ended, and a second nudge." },
  alert: { name: "Alerts", what: "alerts", about: "A touchpoint of your departments, or one you follow, going below its warning line or falling; and when it recovers." },
  digest: { name: "Weekly digest", what: "the weekly digest", about: "Every journey against its target for the period just ended, what is at risk and what is missing." },
};

export const PREFERENCE_CHANNEL_LABELS: Record<PreferenceChannel, string> = { in_app: "In the app", email: "By email" };

/** Whether a person of this role can get `event` at all: reminders go to department heads only. */
export const receivesEvent = (role: Role, event: PreferenceEvent) => event !== "reminder" || role === "DEPARTMENT_HEAD";

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
