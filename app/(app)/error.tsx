"use client";

import { Button } from "@/components/ui/button";

export default function SignedInError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-lg rounded-xl border border-red-200 bg-white p-6 text-center">
      <h1 className="text-lg font-semibold">Something went wrong loading this page</h1>
      <p className="mt-2 text-sm text-slate-600">
        Nothing you entered was lost. Try again; if it keeps happening, give an admin this reference:{" "}
        <code className="rounded bg-slate-100 px-1">{error.digest ?? "none"}</code>
      </p>
      <Button className="mt-4" onClick={reset}>Try again</Button>
    </div>
  );
}
