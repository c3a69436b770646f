"use client";

import { Button } from "@/components/ui/button";

/** Download the figures, or print (the print stylesheet leaves only the report). */
export function ReportActions({ csvHref }: { csvHref: string }) {
  return (
    <div className="flex flex-wrap gap-2 print:hidden">
      <a href={csvHref} download className="inline-flex items-center justify-center gap-2 rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50">
        Download CSV
      </a>
      <Button variant="secondary" onClick={() => window.print()}>Print / Save as PDF</Button>
    </div>
  );
}
