import type { Metadata } from "next";

export const metadata: Metadata = { title: "Link not available", robots: { index: false, follow: false } };

/** The same page, and status 404, for a token that never existed, expired or was revoked. */
export default function LinkNotAvailable() {
  return (
    <main className="mx-auto max-w-lg px-4 py-24 text-center">
      <h1 className="text-xl font-semibold">This link is no longer available</h1>
      <p className="mt-2 text-sm text-slate-600">Ask the person who sent it for a new one.</p>
    </main>
  );
}
