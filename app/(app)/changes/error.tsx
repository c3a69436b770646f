"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";

/** A change page failed on the server: say so plainly, offer a retry and a way on. */
export default function ChangesError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-lg rounded-xl border border-red-200 bg-white p-6 text-center">
      <h1 className="text-lg font-semibold">The change log could not be loaded</h1>
      <p className="mt-2 text-sm text-slate-600">
        Nothing you recorded was lost. Try again in a moment; if it keeps happening, give an admin this reference:{" "}
        <code className="rounded bg-slate-100 px-1">{error.digest ?? "none"}</code>
      </p>
      <div className="mt-4 flex justify-center gap-3">
        <Button onClick={reset}>Try again</Button>
        <Link href="/overview" className="inline-flex items-center rounded-md border border-slate-300 px-3.5 py-2 text-sm font-medium hover:bg-slate-50">
          Go to the overview
        </Link>
      </div>
    </div>
  );
}
