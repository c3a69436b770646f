"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import type { ChangeFilterOptions } from "@/lib/data/process-changes";

const select = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm sm:w-56";

/**
 * The change log's filters. Each choice becomes the URL (?department=&touchpoint=), so a filtered
 * view is a link; the touchpoints narrow to the chosen department's.
 */
export function ChangeFilters({ options, departmentId, touchpointId }: { options: ChangeFilterOptions; departmentId?: number; touchpointId?: number }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const touchpoints = departmentId === undefined ? options.touchpoints : options.touchpoints.filter((t) => t.departmentId === departmentId);
  const journeys = [...new Set(touchpoints.map((t) => t.journey))];
  const go = (department: string, touchpoint: string) => {
    const search = new URLSearchParams();
    if (department) search.set("department", department);
    if (touchpoint) search.set("touchpoint", touchpoint);
    const query = search.toString();
    startTransition(() => router.push(`/changes${query ? `?${query}` : ""}`));
  };
  return (
    <form role="search" aria-label="Filter changes" aria-busy={pending} className="flex flex-wrap items-end gap-3" onSubmit={(e) => e.preventDefault()}>
      <div className="w-full text-sm sm:w-auto">
        <label htmlFor="changes-department" className="mb-1 block font-medium text-slate-700">Department</label>
        <select
          id="changes-department"
          className={select}
          value={departmentId ?? ""}
          // A touchpoint of another department would leave nothing to show: drop it.
          onChange={(e) => {
            const department = e.target.value;
            const keep = options.touchpoints.some((t) => t.id === touchpointId && (department === "" || String(t.departmentId) === department));
            go(department, keep ? String(touchpointId) : "");
          }}
        >
          <option value="">All departments</option>
          {options.departments.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
        </select>
      </div>
      <div className="w-full text-sm sm:w-auto">
        <label htmlFor="changes-touchpoint" className="mb-1 block font-medium text-slate-700">Touchpoint</label>
        <select id="changes-touchpoint" className={select} value={touchpointId ?? ""} onChange={(e) => go(departmentId === undefined ? "" : String(departmentId), e.target.value)}>
          <option value="">All touchpoints</option>
          {journeys.map((journey) => (
            <optgroup key={journey} label={journey}>
              {touchpoints.filter((t) => t.journey === journey).map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
            </optgroup>
          ))}
        </select>
      </div>
      <p role="status" className="pb-2 text-sm text-slate-500">{pending ? "Filtering…" : ""}</p>
    </form>
  );
}
