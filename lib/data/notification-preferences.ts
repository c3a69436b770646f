// Notification preferences: a person's own choices (the account page), the one-click unsubscribe
// that turns one kind of email off without signing in, and "who gets what" for admins. A choice is a
// NotificationPreference row; where there is none the role's default applies
// (lib/notifications/preferences.ts). A person's own choices are not audited: they change nothing
// anyone else sees or gets, and the row's updatedAt says when (docs/notifications.md, "Preferences").
import { db, type Tx } from "../db";
import type { Role } from "../domain";
import { forbidden } from "../errors";
import { canConfigureOrganisation, type Actor } from "../permissions";
import { defaultPreference, PREFERENCE_CHANNELS, PREFERENCE_EVENTS, receivesEvent, type PreferenceChannel, type PreferenceEvent } from "../notifications/preferences";
import { readUnsubscribeToken } from "../notifications/unsubscribe";
import type { SavePreferencesInput } from "../validation/notification-preferences";

/** One event × channel as it applies to a person: on or off, and whether that is their own choice or the default. */
export type EffectivePreference = { channel: PreferenceChannel; enabled: boolean; isDefault: boolean };
export type EventPreferences = { event: PreferenceEvent; channels: EffectivePreference[] };

type Chosen = { event: string; channel: string; enabled: boolean };

/** The effective preferences of a person of `role` with these stored choices, for every event they can get (reminders: heads only). */
function effective(role: Role, chosen: readonly Chosen[]): EventPreferences[] {
  const choice = new Map(chosen.map((c) => [`${c.event}:${c.channel}`, c.enabled]));
  return PREFERENCE_EVENTS.filter((event) => receivesEvent(role, event)).map((event) => ({
    event,
    channels: PREFERENCE_CHANNELS.map((channel) => {
      const own = choice.get(`${event}:${channel}`);
      return { channel, enabled: own ?? defaultPreference(role, event, channel), isDefault: own === undefined };
    }),
  }));
}

/** The signed-in person's own preferences, for the account page. */
export async function getOwnPreferences(actor: Actor): Promise<EventPreferences[]> {
  const chosen = await db.notificationPreference.findMany({ where: { userId: actor.id }, select: { event: true, channel: true, enabled: true } });
  return effective(actor.role, chosen);
}

/** Stores one choice, insert or update on the (user, event, channel) key: two saves at once both land, the later one wins. */
async function choose(client: Tx | typeof db, userId: number, event: PreferenceEvent, channel: PreferenceChannel, enabled: boolean) {
  await client.notificationPreference.upsert({
    where: { userId_event_channel: { userId, event, channel } },
    create: { userId, event, channel, enabled },
    update: { enabled },
  });
}

/**
 * Saves the choices the person changed (validated by savePreferencesSchema), all or none, for the
 * caller only; choices stay theirs from then on, even if their role's default changes. Returns the
 * preferences now in force.
 */
export async function saveOwnPreferences(actor: Actor, input: SavePreferencesInput): Promise<EventPreferences[]> {
  await db.$transaction(async (tx) => {
    for (const c of input.choices) await choose(tx, actor.id, c.event, c.channel, c.enabled);
  });
  return getOwnPreferences(actor);
}

/** What an unsubscribe link is about, for its page: which emails, to whom (masked), and whether they still go out. */
export type UnsubscribeTarget = { event: PreferenceEvent; maskedEmail: string; emailOn: boolean };

/** "k•••@touchline.demo": enough for the owner to recognise the address, not enough to learn it from a forwarded link. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "•••";
  return `${email[0]}•••${email.slice(at)}`;
}

/** The person and emails a token names; null when the token is malformed, forged, or its person is gone. Reads only. */
export async function getUnsubscribeTarget(token: string): Promise<UnsubscribeTarget | null> {
  const named = readUnsubscribeToken(token);
  if (!named) return null;
  const user = await db.user.findUnique({
    where: { id: named.userId },
    select: { email: true, role: true, preferences: { where: { event: named.event, channel: "email" }, select: { enabled: true } } },
  });
  if (!user) return null;
  return { event: named.event, maskedEmail: maskEmail(user.email), emailOn: user.preferences[0]?.enabled ?? defaultPreference(user.role, named.event, "email") };
}

/**
 * Turns off the emails a token names (its event, channel "email") for the person it names, as their
 * own choice. Idempotent: a second click, or a mail client's one-click POST racing the button, leaves
 * it off. Null when the token is malformed, forged, or its person is gone.
 */
export async function unsubscribeByToken(token: string): Promise<UnsubscribeTarget | null> {
  const named = readUnsubscribeToken(token);
  // The person may have been deleted since the email went out (people are deactivated, not deleted, in the app).
  if (!named || !(await db.user.findUnique({ where: { id: named.userId }, select: { id: true } }))) return null;
  await choose(db, named.userId, named.event, "email", false);
  return getUnsubscribeTarget(token);
}

export type Recipient = {
  id: number;
  name: string;
  role: Role;
  /** Every event with the channels it reaches them on; events their role never gets are left out. */
  events: EventPreferences[];
  touchpoints: { id: number; name: string }[];
  journeys: { id: number; name: string }[];
};

/** "Who gets what", for admins: each active person (of `role`, when given) with their effective preferences and what they follow, by name. */
export async function listRecipients(actor: Actor, role?: Role): Promise<Recipient[]> {
  if (!canConfigureOrganisation(actor)) throw forbidden("Only admins can see who gets which notifications.");
  const people = await db.user.findMany({
    where: { active: true, ...(role ? { role } : {}) },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      role: true,
      preferences: { select: { event: true, channel: true, enabled: true } },
      touchpointFollows: { orderBy: { touchpoint: { name: "asc" } }, select: { touchpoint: { select: { id: true, name: true } } } },
      journeyFollows: { orderBy: { journey: { name: "asc" } }, select: { journey: { select: { id: true, name: true } } } },
    },
  });
  return people.map((p) => ({
    id: p.id,
    name: p.name,
    role: p.role,
    events: effective(p.role, p.preferences),
    touchpoints: p.touchpointFollows.map((f) => f.touchpoint),
    journeys: p.journeyFollows.map((f) => f.journey),
  }));
}
