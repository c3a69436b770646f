// Reminders: each department head whose metrics have no figure for a period gets one message
// listing them, in the app (the bell) and by email, with a link to the entry grid at that period.
import { db } from "../db";
import type { PeriodGranularity } from "../domain";
import { getEntrySheet, type EntrySheetRow } from "../data/entry-sheet";
import { periodPhrase, toPeriodKey } from "../periods";
import { escapeHtml } from "./html";
import { appUrl } from "./mail";
import { publish, type EventType, type PersonalMessage } from "./publish";

type MissingByDepartment = { departmentId: number; departmentName: string; rows: EntrySheetRow[] };

/** The entry grid at a department and period: the page reads both from the URL. */
export const entryGridPath = (departmentId: number, period: Date) => `/entry?department=${departmentId}&period=${toPeriodKey(period)}`;

/** The reminder (first) and the second nudge, for the people still missing figures when each goes out. */
export type ReminderType = Extract<EventType, "reminder.missing_figures" | "reminder.nudge">;

/** The key of a period's reminder event (nudge: "nudge:…"): each head gets each once, ever. */
export const reminderEventKey = (type: ReminderType, period: Date) => `${type === "reminder.nudge" ? "nudge" : "reminder"}:${toPeriodKey(period)}`;

/**
 * Publishes the reminder (or, with type "reminder.nudge", the second nudge) of `period` (a period
 * start) to every active department head with at least one metric that has no figure for it in a
 * department they run, except in a closed period (no one but an admin can fill it). "No figure" is
 * what the entry grid shows as empty (getEntrySheet). Each head gets one message on the channels
 * they want (publish.ts) and webhooks get one event listing them all, all in one transaction and
 * keyed by reminderEventKey: calling this again for the same period — a restart, a second process
 * — adds nothing. Returns the heads reminded by this call (not counting those reminded before).
 */
export async function enqueueReminders(period: Date, granularity: PeriodGranularity, now = new Date(), type: ReminderType = "reminder.missing_figures"): Promise<{ reminded: number }> {
  const heads = await db.user.findMany({
    where: { role: "DEPARTMENT_HEAD", active: true },
    orderBy: { id: "asc" },
    select: {
      id: true,
      name: true,
      role: true,
      memberships: { where: { department: { archivedAt: null } }, orderBy: { department: { name: "asc" } }, select: { department: { select: { id: true, name: true } } } },
    },
  });
  const sheets = new Map<number, Promise<MissingByDepartment | null>>();
  const missingIn = (department: { id: number; name: string }) => {
    let sheet = sheets.get(department.id);
    if (!sheet) {
      sheet = getEntrySheet(department.id, period, granularity).then((s) =>
        s.lock ? null : { departmentId: department.id, departmentName: department.name, rows: s.rows.filter((r) => r.current === null) },
      );
      sheets.set(department.id, sheet);
    }
    return sheet;
  };

  const messages: PersonalMessage[] = [];
  const departments = new Map<number, MissingByDepartment>();
  for (const head of heads) {
    const missing = (await Promise.all(head.memberships.map((m) => missingIn(m.department)))).filter((d): d is MissingByDepartment => d !== null && d.rows.length > 0);
    if (missing.length === 0) continue;
    for (const d of missing) departments.set(d.departmentId, d);
    const message = composeReminder(head.name, missing, period, granularity, type);
    messages.push({ userId: head.id, role: head.role, title: message.title, summary: message.summary, path: message.path, text: message.text, html: message.html });
  }
  if (messages.length === 0) return { reminded: 0 };
  const when = periodPhrase(period, granularity);
  const list = [...departments.values()];
  const count = list.reduce((n, d) => n + d.rows.length, 0);
  const { people } = await db.$transaction((tx) =>
    publish(
      tx,
      {
        type,
        key: reminderEventKey(type, period),
        messages,
        webhook: {
          text: `${type === "reminder.nudge" ? "Still missing" : "Missing"}: ${count} ${count === 1 ? "figure" : "figures"} for ${when} (${list.map((d) => `${d.departmentName} ${d.rows.length}`).join(", ")})`,
          data: {
            period: toPeriodKey(period),
            departments: list.map((d) => ({
              id: d.departmentId,
              name: d.departmentName,
              url: appUrl() + entryGridPath(d.departmentId, period),
              missing: d.rows.map((r) => ({ metricId: r.metricId, metric: r.metricName, touchpoint: r.touchpointName })),
            })),
          },
        },
      },
      now,
    ),
  );
  return { reminded: people };
}


/** The reminder's words: a title, a one-line summary (the bell), and the email as text and HTML, links absolute. */
export function composeReminder(name: string, missing: readonly MissingByDepartment[], period: Date, granularity: PeriodGranularity, type: ReminderType = "reminder.missing_figures") {
  const count = missing.reduce((n, d) => n + d.rows.length, 0);
  const when = periodPhrase(period, granularity);
  const title = `${type === "reminder.nudge" ? "Still missing: " : ""}${count} ${count === 1 ? "figure" : "figures"} ${type === "reminder.nudge" ? "for" : "missing for"} ${when}`;
  const base = appUrl();
  const metricName = (r: EntrySheetRow) => `${r.touchpointName}: ${r.metricName}`;
  const path = entryGridPath(missing[0]!.departmentId, period);
  const text = [
    `Hello ${name},`,
    "",
    `${count === 1 ? "This figure" : "These figures"} for ${when} ${count === 1 ? "has" : "have"} not been entered yet:`,
    ...missing.flatMap((d) => ["", `${d.departmentName} — enter them at ${base}${entryGridPath(d.departmentId, period)}`, ...d.rows.map((r) => `  • ${metricName(r)}`)]),
    "",
    type === "reminder.nudge" ? "This is the second and last reminder for this period." : "Touchline sends this reminder on your organisation's schedule.",
  ].join("\n");
  const html = [
    `<p>Hello ${escapeHtml(name)},</p>`,
    `<p>${count === 1 ? "This figure" : "These figures"} for ${escapeHtml(when)} ${count === 1 ? "has" : "have"} not been entered yet:</p>`,
    ...missing.map(
      (d) =>
        `<h3>${escapeHtml(d.departmentName)}</h3><ul>${d.rows.map((r) => `<li>${escapeHtml(metricName(r))}</li>`).join("")}</ul>` +
        `<p><a href="${escapeHtml(base + entryGridPath(d.departmentId, period))}">Enter ${escapeHtml(d.departmentName)}'s figures</a></p>`,
    ),
    `<p>${type === "reminder.nudge" ? "This is the second and last reminder for this period." : "Touchline sends this reminder on your organisation's schedule."}</p>`,
  ].join("\n");
  const summary = missing.map((d) => `${d.departmentName}: ${d.rows.map(metricName).join(", ")}`).join("; ");
  return { title, summary, text, html, path, url: base + path };
}
