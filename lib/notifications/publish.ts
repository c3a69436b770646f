// The one fan-out of every event Touchline tells people about: for each person it concerns, a
// notification in the bell and an email, each on the channels the person wants (preferences.ts);
// and one delivery to every active webhook endpoint subscribed to the event's type. All of it is
// written in the caller's transaction, each row under its own idempotency key, so an event
// published twice (a restart, a second worker) lands once.
import { createHash } from "node:crypto";
import type { Db, Tx } from "../db";
import type { Role } from "../domain";
import { notify } from "./in-app";
import { escapeHtml } from "./html";
import { appUrl } from "./mail";
import { enqueue, type OutboxKind } from "./outbox";
import { channelsFor, PREFERENCE_EVENT_LABELS, type PreferenceEvent } from "./preferences";
import { unsubscribeUrl } from "./unsubscribe";

/** The event types webhooks receive (and subscribe to), with the preference that governs people's messages. */
export const EVENT_TYPES = {
  "reminder.missing_figures": { preference: "reminder", kind: "reminder" },
  "reminder.nudge": { preference: "reminder", kind: "nudge" },
  "alert.triggered": { preference: "alert", kind: "alert" },
  "alert.recovered": { preference: "alert", kind: "recovery" },
  "digest.weekly": { preference: "digest", kind: "digest" },
} as const satisfies Record<string, { preference: PreferenceEvent; kind: OutboxKind }>;
export type EventType = keyof typeof EVENT_TYPES;
/** "test": sent to one endpoint from its admin page; no person gets it. */
export type WebhookEventType = EventType | "test";

/** The preference that governs an outbox or notification kind ("nudge" → "reminder"); null for "test". */
export function preferenceOfKind(kind: string): PreferenceEvent | null {
  const found = Object.values(EVENT_TYPES).find((t) => t.kind === kind);
  return found ? found.preference : null;
}

/** One person's message: the same words in the bell and (longer) by email. */
export type PersonalMessage = {
  userId: number;
  role: Role;
  /** The bell's title and the email's subject. */
  title: string;
  /** One line for the bell. */
  summary: string;
  /** A path in the app the message links to ("/overview?period=2026-11-16"). */
  path: string;
  /** The email, complete, links absolute. The unsubscribe footer is added here. */
  text: string;
  html: string;
};

export type Publication = {
  type: EventType;
  /**
   * What makes this event itself: "reminder:2026-11-16", "alert:below_warning:touchpoint:12:3".
   * Keys of its rows: "<key>:<userId>" in the bell, "email:<key>:<userId>", "webhook:<key>:<endpointId>".
   */
  key: string;
  messages: readonly PersonalMessage[];
  /** The webhook's `text` (one or two lines: what a Slack or Teams channel shows) and its full `data`. */
  webhook: { text: string; data: Record<string, unknown> };
};

/** New rows of each kind, and how many people got at least one. */
export type Published = { inApp: number; email: number; webhook: number; people: number };

/** A stable id for an event, the same on every channel and in every retry: "evt_" + 24 hex of SHA-256(key). */
export const eventId = (key: string) => `evt_${createHash("sha256").update(key).digest("hex").slice(0, 24)}`;

/** The JSON a webhook endpoint receives (docs/notifications.md, "Webhooks"). */
export type WebhookPayload = { id: string; type: WebhookEventType; createdAt: string; text: string; data: Record<string, unknown> };


/** The footer every email ends with: why it came, and the one-click link that stops this kind. */
export function unsubscribeFooter(userId: number, preference: PreferenceEvent) {
  const url = unsubscribeUrl(userId, preference);
  const { what } = PREFERENCE_EVENT_LABELS[preference];
  return {
    url,
    text: `\n\n—\nStop ${what} by email: ${url}\nChoose what you get: ${appUrl()}/account#notifications`,
    html: `<hr><p style="color:#555;font-size:12px">Stop ${what} by email: <a href="${escapeHtml(url)}">unsubscribe</a>. Choose what you get in <a href="${escapeHtml(appUrl())}/account#notifications">your account</a>.</p>`,
  };
}

/**
 * Writes the event's rows in `tx`: a Notification for each person who wants it in the app, an
 * email OutboxMessage for each who wants it by email, and a webhook OutboxMessage for each active
 * endpoint subscribed to `type`. Rows whose key exists already are left alone. Returns how many
 * rows of each were new.
 */
export async function publish(tx: Tx | Db, publication: Publication, now = new Date()): Promise<Published> {
  const { preference, kind } = EVENT_TYPES[publication.type];
  const wants = await channelsFor(tx, publication.messages.map((m) => ({ id: m.userId, role: m.role })), preference);
  const id = eventId(publication.key);
  const result: Published = { inApp: 0, email: 0, webhook: 0, people: 0 };
  for (const m of publication.messages) {
    const channels = wants.get(m.userId);
    let reached = false;
    if (channels?.has("in_app")) {
      if (await notify(tx, { idempotencyKey: `${publication.key}:${m.userId}`, userId: m.userId, kind, title: m.title, body: m.summary, href: m.path }, now)) {
        result.inApp++;
        reached = true;
      }
    }
    if (channels?.has("email")) {
      const footer = unsubscribeFooter(m.userId, preference);
      const added = await enqueue(tx, [{
        idempotencyKey: `email:${publication.key}:${m.userId}`,
        kind,
        channel: "email",
        recipientId: m.userId,
        endpointId: null,
        eventId: id,
        subject: m.title,
        body: m.text + footer.text,
        html: m.html + footer.html,
        href: appUrl() + m.path,
      }], now);
      result.email += added;
      reached ||= added > 0;
    }
    if (reached) result.people++;
  }
  const endpoints = await tx.webhookEndpoint.findMany({ where: { active: true }, select: { id: true, events: true } });
  const payload: WebhookPayload = { id, type: publication.type, createdAt: now.toISOString(), text: publication.webhook.text, data: publication.webhook.data };
  const body = JSON.stringify(payload);
  result.webhook = await enqueue(
    tx,
    endpoints
      .filter((e) => e.events.split(",").includes(publication.type))
      .map((e) => ({ idempotencyKey: `webhook:${publication.key}:${e.id}`, kind, channel: "webhook", recipientId: null, endpointId: e.id, eventId: id, subject: publication.type, body, html: null, href: null })),
    now,
  );
  return result;
}
