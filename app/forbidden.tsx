import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg px-4 py-24 text-center">
      <p className="text-sm font-semibold text-band-poor-ink">403</p>
      <h1 className="mt-2 text-2xl font-semibold">You don&apos;t have access to this page</h1>
      <p className="mt-3 text-slate-600">Your role doesn&apos;t include it. If you think it should, ask an admin.</p>
      <Link href="/overview" className="mt-6 inline-block text-sm font-medium text-brand-dark underline">
        Back to the overview
      </Link>
    </main>
  );
}
