"use client";

import { usePathname, useRouter } from "next/navigation";
import { useTransition } from "react";

/** Chooses the overview's period; the choice lives in the URL (?period=YYYY-MM-DD). */
export function PeriodPicker({ periods, value }: { periods: { key: string; label: string }[]; value: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  return (
    <label className="text-sm" aria-busy={pending}>
      <span className="mb-1 block font-medium text-slate-700">Period</span>
      <select
        className="rounded-md border border-slate-300 bg-white px-3 py-2"
        value={value}
        onChange={(e) => startTransition(() => router.push(`${pathname}?period=${e.target.value}`))}
      >
        {periods.map((p) => (
          <option key={p.key} value={p.key}>{p.label}</option>
        ))}
      </select>
    </label>
  );
}
