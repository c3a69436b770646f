"use client";

import { usePathname, useRouter } from "next/navigation";
import { useTransition } from "react";

type Option = { key: string; label: string };

/** The report's range, in the URL (?from=&to=) so a view can be bookmarked and shared inside the app. */
export function RangePicker({ options, from, to }: { options: Option[]; from: Option; to: Option }) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const go = (next: { from: string; to: string }) => startTransition(() => router.push(`${pathname}?from=${next.from}&to=${next.to}`));
  const withCurrent = (list: Option[], current: Option) => (list.some((o) => o.key === current.key) ? list : [current, ...list]);
  const select = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";
  return (
    <div className="flex flex-wrap items-end gap-3 print:hidden" aria-busy={pending}>
      <div className="text-sm">
        <label htmlFor="report-from" className="mb-1 block font-medium text-slate-700">From</label>
        <select id="report-from" className={select} value={from.key} onChange={(e) => go({ from: e.target.value, to: to.key > e.target.value ? to.key : e.target.value })}>
          {withCurrent(options, from).map((o) => <option key={o.key} value={o.key}>{o.label}</option>)}
        </select>
      </div>
      <div className="text-sm">
        <label htmlFor="report-to" className="mb-1 block font-medium text-slate-700">To</label>
        <select id="report-to" className={select} value={to.key} onChange={(e) => go({ from: from.key < e.target.value ? from.key : e.target.value, to: e.target.value })}>
          {withCurrent(options, to).map((o) => <option key={o.key} value={o.key}>{o.label}</option>)}
        </select>
      </div>
    </div>
  );
}
