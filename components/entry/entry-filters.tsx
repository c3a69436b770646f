"use client";

import { usePathname, useRouter } from "next/navigation";
import { useTransition } from "react";

type Props = {
  departments: { id: number; name: string }[];
  departmentId: number;
  periods: { key: string; label: string }[];
  periodKey: string;
};

/** Department and period pickers; the choice lives in the URL so it can be shared and bookmarked. */
export function EntryFilters({ departments, departmentId, periods, periodKey }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();

  function go(next: { department?: string; period?: string }) {
    const params = new URLSearchParams({ department: String(departmentId), period: periodKey, ...next });
    startTransition(() => router.push(`${pathname}?${params}`));
  }

  const selectClass = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";
  return (
    <div className="flex flex-wrap items-end gap-3" aria-busy={pending}>
      {departments.length > 1 && (
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-700">Department</span>
          <select className={selectClass} value={departmentId} onChange={(e) => go({ department: e.target.value })}>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>{d.name}</option>
            ))}
          </select>
        </label>
      )}
      <label className="text-sm">
        <span className="mb-1 block font-medium text-slate-700">Period</span>
        <select className={selectClass} value={periodKey} onChange={(e) => go({ period: e.target.value })}>
          {periods.map((p) => (
            <option key={p.key} value={p.key}>{p.label}</option>
          ))}
        </select>
      </label>
    </div>
  );
}
