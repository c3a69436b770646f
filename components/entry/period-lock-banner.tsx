"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { setPeriodLockAction } from "@/app/(app)/entry/actions";
import { Button } from "@/components/ui/button";
import type { PeriodLockInfo } from "@/lib/data/period-locks";
import { formatDateTime } from "@/lib/format";
import { callAction } from "@/lib/call-action";

type Props = { periodKey: string; periodLabel: string; lock: PeriodLockInfo | null; canLock: boolean };

/** Shows whether the period is closed, and lets admins close or reopen it. */
export function PeriodLockBanner({ periodKey, periodLabel, lock, canLock }: Props) {
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: async (locked: boolean) => {
      const result = await callAction(() => setPeriodLockAction({ periodStart: periodKey, locked }));
      if (!result.ok) throw new Error(result.message);
      return result.data;
    },
    onSuccess: ({ locked }) => toast.success(locked ? `${periodLabel} is locked` : `${periodLabel} is open again`),
    onError: (error) => toast.error(error.message),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["entry-sheet"] }),
  });

  if (!lock) {
    return canLock ? (
      <div className="mb-3 flex justify-end">
        <Button variant="secondary" onClick={() => change.mutate(true)} disabled={change.isPending}>
          {change.isPending ? "Locking…" : "Lock this period"}
        </Button>
      </div>
    ) : null;
  }
  return (
    <div role="status" className="mb-4 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-300 bg-slate-100 px-4 py-3 text-sm" data-testid="period-lock">
      <p>
        <span aria-hidden="true">🔒 </span>
        <strong>{periodLabel} is locked</strong>
        {lock.lockedBy ? ` by ${lock.lockedBy}` : ""} on {formatDateTime(new Date(lock.lockedAt))}.{" "}
        {canLock ? "As an admin you can still change its figures." : "Its figures are read-only; ask an admin if one needs correcting."}
      </p>
      {canLock && (
        <Button variant="secondary" onClick={() => change.mutate(false)} disabled={change.isPending}>
          {change.isPending ? "Unlocking…" : "Unlock period"}
        </Button>
      )}
    </div>
  );
}
