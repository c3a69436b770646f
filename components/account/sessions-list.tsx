"use client";

import { endOtherSessionsAction, endSessionAction } from "@/app/(app)/account/actions";
import { useAdminAction } from "@/components/admin/use-admin-action";
import { Button } from "@/components/ui/button";
import type { SessionSummary } from "@/lib/data/sessions";
import { formatDateTime } from "@/lib/format";

/**
 * "Where you're signed in": the caller's live sessions, this device first, each other one with
 * an End button, and "Sign out everywhere else" when there are others.
 */
export function SessionsList({ sessions }: { sessions: SessionSummary[] }) {
  const { pending, run } = useAdminAction();
  const others = sessions.filter((s) => !s.current).length;

  return (
    <div>
      <ul className="divide-y divide-slate-100" aria-label="Your sessions">
        {sessions.map((s) => (
          <li key={s.handle} data-testid="session" className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
            <div className="min-w-0">
              <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
                <span className="break-all">{s.device}</span>
                {s.current && <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800 ring-1 ring-emerald-200">This device</span>}
              </p>
              <p className="mt-0.5 text-xs text-slate-600">
                {s.address ?? "Address not known"} · Signed in {formatDateTime(new Date(s.signedInAt))} · {s.current ? "Active now" : `Last active ${formatDateTime(new Date(s.lastActiveAt))}`}
              </p>
            </div>
            {!s.current && (
              <Button variant="secondary" className="self-start sm:self-auto" disabled={pending} aria-label={`End the session on ${s.device}, signed in ${formatDateTime(new Date(s.signedInAt))}`} onClick={() => run(() => endSessionAction({ session: s.handle }), { success: (r) => `Signed out ${r.device}` })}>
                End
              </Button>
            )}
          </li>
        ))}
      </ul>
      {others > 0 ? (
        <Button variant="secondary" className="mt-3" disabled={pending} onClick={() => run(() => endOtherSessionsAction({}), { success: (r) => (r.ended === 1 ? "Signed out 1 other session" : `Signed out ${r.ended} other sessions`) })}>
          Sign out everywhere else
        </Button>
      ) : (
        <p className="mt-3 text-sm text-slate-600">You are signed in only here.</p>
      )}
    </div>
  );
}
