// What each event a webhook can subscribe to means, in plain words: the admin page's checkboxes and
// the list of valid types for validation. Keyed by publish.ts's EVENT_TYPES (a type-only import,
// so client components can use this module); the compiler insists every type has its words.
import type { EventType } from "./publish";

export const WEBHOOK_EVENTS = {
  "reminder.missing_figures": { label: "Reminders of missing figures", description: "Department heads are reminded of the figures missing for the period that has just ended." },
  "reminder.nudge": { label: "Second nudge", description: "Heads still missing figures get the last reminder." },
  "alert.triggered": { label: "Alerts", description: "A touchpoint falls below its warning line or three periods running, or a journey's shortfall grows past its threshold." },
  "alert.recovered": { label: "Back on target", description: "Something that was alerted on has recovered." },
  "digest.weekly": { label: "Weekly digest", description: "The weekly summary for leaders goes out." },
} as const satisfies Record<EventType, { label: string; description: string }>;

/** Every event type, in the order the admin page lists them. */
export const WEBHOOK_EVENT_TYPES = Object.keys(WEBHOOK_EVENTS) as EventType[];
