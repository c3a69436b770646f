const EXAMPLE = `POST /your/path
Content-Type: application/json
User-Agent: Touchline-Webhooks/1
Touchline-Event-Id: evt_3f9c1b2a7d4e5f60718293a4
Touchline-Event-Type: alert.triggered
Touchline-Signature: t=1795428000,v1=5f0c…
webhook-id / webhook-timestamp / webhook-signature: (Standard Webhooks)

{"id":"evt_3f9c1b2a7d4e5f60718293a4","type":"alert.triggered",
 "createdAt":"2026-11-23T10:00:00.000Z",
 "text":"Food rating is below its warning line: 61.4 (warning 70)",
 "data":{…}}`;

/** What a delivery looks like and how a receiver checks it, folded away; the full reference is docs/notifications.md. */
export function WebhooksHelp() {
  return (
    <details className="rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-xs">
      <summary className="cursor-pointer font-medium">What a delivery looks like, and how to check it</summary>
      <div className="mt-3 space-y-3 text-slate-700">
        <p>
          Each event is one POST of JSON. Its <code className="rounded bg-slate-100 px-1">text</code> is a line a Slack or Teams channel shows as it is; the rest of
          the figures are in <code className="rounded bg-slate-100 px-1">data</code>.
        </p>
        <pre className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">{EXAMPLE}</pre>
        <p>
          To check a delivery came from Touchline, compute HMAC-SHA256 with the webhook&apos;s secret over <code className="rounded bg-slate-100 px-1">&lt;t&gt;.&lt;raw body&gt;</code>{" "}
          and compare it with <code className="rounded bg-slate-100 px-1">v1</code>; refuse a <code className="rounded bg-slate-100 px-1">t</code> more than 5 minutes
          away. Any Standard Webhooks library checks the <code className="rounded bg-slate-100 px-1">webhook-*</code> headers too. The event id stays the same across
          retries: use it to ignore a repeat.
        </p>
        <p>
          A delivery that gets no 2xx answer within 10 seconds is tried again after 1, 2, 4, 8, 16, 32 and 60 minutes, then marked failed. Redirects are not
          followed. The full reference, with code to copy, is in <code className="rounded bg-slate-100 px-1">docs/notifications.md</code> under “Webhooks”.
        </p>
      </div>
    </details>
  );
}
