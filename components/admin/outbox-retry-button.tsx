"use client";

import { retryOutboxMessageAction } from "@/app/(app)/admin/outbox/actions";
import { useAdminAction } from "./use-admin-action";

/** "Send again" for one failed or skipped outbox message; the worker sends it on its next tick. */
export function OutboxRetryButton({ id, subject }: { id: number; subject: string }) {
  const { pending, run } = useAdminAction();
  return (
    <button
      type="button"
      disabled={pending}
      aria-label={`Send again: ${subject}`}
      onClick={() => run(() => retryOutboxMessageAction({ id }), { success: "Queued: it goes out within a minute" })}
      className="rounded-md border border-slate-300 px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50"
    >
      {pending ? "Queuing…" : "Send again"}
    </button>
  );
}
