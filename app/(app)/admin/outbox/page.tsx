import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { AdminNav } from "@/components/admin/admin-nav";
import { OutboxRetryButton } from "@/components/admin/outbox-retry-button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { mailSettingsFromEnv } from "@/lib/notifications/mail";
import type { OutboxStatus } from "@/lib/notifications/outbox";
import { listOutbox, type OutboxEntry } from "@/lib/notifications/outbox-log";
import { canConfigureOrganisation } from "@/lib/permissions";
import { OUTBOX_CHANNELS, OUTBOX_STATUSES, outboxFiltersSchema, type OutboxFilters } from "@/lib/validation/notifications";
import { Pagination } from "@/components/ui/pagination";

export const metadata: Metadata = { title: "Outbox" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const STATUS_LABELS: Record<OutboxStatus, { label: string; className: string }> = {
  pending: { label: "Waiting", className: "bg-slate-100 text-slate-700 ring-slate-200" },
  sending: { label: "Sending", className: "bg-sky-50 text-sky-800 ring-sky-200" },
  sent: { label: "Sent", className: "bg-band-good/10 text-band-good-ink ring-band-good/30" },
  failed: { label: "Failed", className: "bg-band-poor/10 text-band-poor-ink ring-band-poor/30" },
  skipped: { label: "Not sent", className: "bg-band-fair/10 text-band-fair-ink ring-band-fair/30" },
};
const KIND_LABELS: Record<string, string> = { reminder: "Reminder", nudge: "Second nudge", alert: "Alert", recovery: "Recovered", digest: "Weekly digest", test: "Test event" };
const CHANNEL_LABELS: Record<string, string> = { email: "Email", webhook: "Webhook" };

/** The page's URL with one filter changed (and back to page 1). */
function hrefWith(filters: OutboxFilters, change: Partial<OutboxFilters>) {
  const next = { ...filters, page: 1, ...change };
  const params = new URLSearchParams();
  if (next.status) params.set("status", next.status);
  if (next.channel) params.set("channel", next.channel);
  if (next.page > 1) params.set("page", String(next.page));
  const query = params.toString();
  return query ? `?${query}` : "/admin/outbox";
}

function FilterLinks<T extends string>({ label, options, current, href, labelOf }: { label: string; options: readonly T[]; current: T | undefined; href: (value: T | undefined) => string; labelOf: (value: T) => string }) {
  const item = (value: T | undefined, text: string) => (
    <li key={value ?? "all"}>
      <Link href={href(value)} aria-current={current === value ? "true" : undefined} className="rounded-full px-3 py-1 text-sm text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50 aria-[current=true]:bg-brand aria-[current=true]:text-white aria-[current=true]:ring-brand">
        {text}
      </Link>
    </li>
  );
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-2">
      <span className="text-sm font-medium text-slate-600">{label}:</span>
      <ul className="flex flex-wrap gap-1.5">
        {item(undefined, "All")}
        {options.map((o) => item(o, labelOf(o)))}
      </ul>
    </nav>
  );
}

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** One message. `canSendEmail`: a mail server is configured (else sending an email again would only skip it again). */
function Entry({ entry, canSendEmail }: { entry: OutboxEntry; canSendEmail: boolean }) {
  const status = STATUS_LABELS[entry.status];
  return (
    <li className="grid gap-x-4 gap-y-1 border-t border-slate-100 px-4 py-3 first:border-t-0 md:grid-cols-[9rem_1fr_10rem]" data-testid="outbox-row">
      <div className="text-sm text-slate-600">
        <time dateTime={entry.createdAt}>{formatDateTime(new Date(entry.createdAt))}</time>
        <div className="text-xs text-slate-500">{KIND_LABELS[entry.kind] ?? entry.kind} · {CHANNEL_LABELS[entry.channel] ?? entry.channel}</div>
      </div>
      <div className="min-w-0">
        <p className="truncate text-sm font-medium text-slate-900" title={entry.subject}>{entry.subject}</p>
        <p className="truncate text-sm text-slate-600">To {entry.to ?? (entry.channel === "email" ? "a deleted person" : "a deleted endpoint")}</p>
        {entry.lastError && <p className="mt-1 text-sm break-words text-slate-700">{sentence(entry.lastError)}</p>}
      </div>
      <div className="flex flex-wrap items-start gap-2 md:flex-col md:items-end">
        <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ${status.className}`}>{status.label}</span>
        <span className="text-xs text-slate-500">
          {entry.attempts === 1 ? "1 attempt" : `${entry.attempts} attempts`}
          {entry.responseStatus !== null && ` · HTTP ${entry.responseStatus}`}
        </span>
        {entry.sentAt && <span className="text-xs text-slate-500">Sent {formatDateTime(new Date(entry.sentAt))}</span>}
        {entry.nextAttemptAt && entry.attempts > 0 && <span className="text-xs text-slate-500">Next try {formatDateTime(new Date(entry.nextAttemptAt))}</span>}
        {(entry.status === "failed" || entry.status === "skipped") && (canSendEmail || entry.channel !== "email") && <OutboxRetryButton id={entry.id} subject={entry.subject} />}
      </div>
    </li>
  );
}

export default async function OutboxPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!canConfigureOrganisation(user)) forbidden();
  const filters = outboxFiltersSchema.parse(await searchParams);
  const log = await listOutbox(user, filters);
  let mailProblem: string | null = null;
  try {
    if (!mailSettingsFromEnv()) mailProblem = "No mail server is configured (SMTP_URL is not set), so emails are not sent: everyone still gets their notifications in the app. Set SMTP_URL and restart to send them again from here.";
  } catch (error) {
    mailProblem = `Email is off: ${error instanceof Error ? error.message : String(error)}`;
  }

  return (
    <>
      <PageHeader title="Administration" description="Every email and webhook Touchline sends: to whom, whether it went, and why not." />
      <AdminNav current="/admin/outbox" />
      {mailProblem && (
        <p role="note" className="mb-4 rounded-lg border border-band-fair/40 bg-band-fair/10 p-3 text-sm text-slate-800">
          {mailProblem} See docs/notifications.md, “Settings”.
        </p>
      )}
      <p className="mb-3 text-sm text-slate-600" data-testid="outbox-counts">
        {OUTBOX_STATUSES.filter((s) => log.counts[s] > 0).map((s) => `${log.counts[s]} ${STATUS_LABELS[s].label.toLowerCase()}`).join(" · ") || "Nothing has been sent yet."}
      </p>
      <div className="mb-4 flex flex-col gap-2 md:flex-row md:gap-6">
        <FilterLinks label="Status" options={OUTBOX_STATUSES} current={filters.status} href={(status) => hrefWith(filters, { status })} labelOf={(s) => STATUS_LABELS[s].label} />
        <FilterLinks label="Channel" options={OUTBOX_CHANNELS} current={filters.channel} href={(channel) => hrefWith(filters, { channel })} labelOf={(c) => CHANNEL_LABELS[c]!} />
      </div>
      {log.entries.length === 0 ? (
        <EmptyState title={filters.page > 1 ? "No messages on this page" : filters.status || filters.channel ? "No messages match" : "The outbox is empty"}>
          Reminders, alerts, digests and webhook deliveries appear here as they are queued.
        </EmptyState>
      ) : (
        <ol className="rounded-xl border border-slate-200 bg-white shadow-xs" aria-label="Messages, newest first">
          {log.entries.map((e) => <Entry key={e.id} entry={e} canSendEmail={mailProblem === null} />)}
        </ol>
      )}
      <Pagination page={filters.page} pages={log.pages} hrefFor={(page) => hrefWith(filters, { page })} />
    </>
  );
}
