"use client";

import { toast } from "sonner";
import { Button } from "./button";

/** A secret (an API key, a share link) shown once after it is made, with a copy button. */
export function ShownOnceSecret({ title, value, label, noun, testId, onDone }: { title: string; value: string; label: string; noun: string; testId: string; onDone: () => void }) {
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      toast.success(`${noun} copied`);
    } catch {
      toast.error(`Couldn't copy; select the ${noun.toLowerCase()} and copy it yourself`);
    }
  }
  return (
    <div role="status" className="rounded-xl border border-band-good/40 bg-band-good/5 p-4" data-testid={testId}>
      <p className="font-medium">{title} Copy it now: it won&apos;t be shown again.</p>
      <div className="mt-2 flex flex-wrap gap-2">
        <input readOnly value={value} aria-label={label} onFocus={(e) => e.target.select()} className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm" />
        <Button variant="secondary" onClick={copy}>Copy</Button>
        <Button variant="ghost" onClick={onDone}>Done</Button>
      </div>
    </div>
  );
}
