"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { EntrySheet } from "@/lib/data/entry-sheet";
import { EntryFilters } from "./entry-filters";
import { EntryGrid } from "./entry-grid";
import { PeriodLockBanner } from "./period-lock-banner";
import { useEntrySheetQuery } from "./use-entry-sheet";
import { UNSAVED_MESSAGE } from "./use-unsaved-changes-warning";

type Props = {
  departments: { id: number; name: string }[];
  periods: { key: string; label: string }[];
  initial: EntrySheet;
  /** Admins: close and reopen periods, and edit closed ones. */
  canLock: boolean;
};

/** Department and period pickers over the grid; the choice lives in the URL (linkable, back button works). */
export function EntryWorkspace({ departments, periods, initial, canLock }: Props) {
  const params = useSearchParams();
  const requestedDepartment = Number(params.get("department"));
  const departmentId = departments.some((d) => d.id === requestedDepartment) ? requestedDepartment : initial.departmentId;
  const requestedPeriod = params.get("period");
  const periodKey = periods.some((p) => p.key === requestedPeriod) ? requestedPeriod! : initial.periodStart;
  const [dirty, setDirty] = useState(false);
  const sheet = useEntrySheetQuery(departmentId, periodKey, initial);

  function choose(next: { department?: number; period?: string }) {
    if (dirty && !window.confirm(UNSAVED_MESSAGE)) return;
    const search = new URLSearchParams({ department: String(next.department ?? departmentId), period: next.period ?? periodKey });
    // The App Router keeps useSearchParams in step with the History API: no server round trip.
    window.history.pushState(null, "", `?${search}`);
  }

  const department = departments.find((d) => d.id === departmentId)!;
  const period = periods.find((p) => p.key === periodKey)!;
  return (
    <>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Metric entry</h1>
          <p className="mt-1 text-sm text-slate-600">
            {department.name} · {period.label} ·{" "}
            <Link href="/entry/import" className="text-brand-dark underline">Import CSV</Link> ·{" "}
            <Link href={`/entry/api-keys?department=${departmentId}`} className="text-brand-dark underline">API keys</Link>
          </p>
        </div>
        <EntryFilters
          departments={departments}
          departmentId={departmentId}
          periods={periods}
          periodKey={periodKey}
          busy={sheet.isFetching}
          onDepartment={(id) => choose({ department: id })}
          onPeriod={(key) => choose({ period: key })}
        />
      </div>
      {sheet.isPending ? (
        <div aria-busy="true" className="animate-pulse space-y-2">
          <span className="sr-only">Loading figures…</span>
          {Array.from({ length: 5 }, (_, i) => <div key={i} className="h-12 rounded bg-slate-200" />)}
        </div>
      ) : sheet.isError ? (
        <div role="alert" className="rounded-xl border border-red-200 bg-white p-6 text-center">
          <p className="font-medium">Couldn&apos;t load the figures for this period.</p>
          <p className="mt-1 text-sm text-slate-600">{sheet.error.message}</p>
          <Button className="mt-3" onClick={() => sheet.refetch()}>Try again</Button>
        </div>
      ) : sheet.data.rows.length === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
          <p className="font-semibold">{department.name} has no metrics yet</p>
          <p className="mt-1 text-sm text-slate-600">An admin adds touchpoints and metrics for your department.</p>
        </div>
      ) : (
        <>
          <PeriodLockBanner periodKey={periodKey} periodLabel={period.label} lock={sheet.data.lock} canLock={canLock} />
          <EntryGrid
            key={`${departmentId}-${periodKey}`}
            sheet={sheet.data}
            readOnly={sheet.data.lock !== null && !canLock}
            onDirtyChange={setDirty}
          />
        </>
      )}
    </>
  );
}
