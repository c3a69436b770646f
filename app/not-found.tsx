import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-4 py-24 text-center">
      <p className="text-sm font-semibold text-slate-500">404</p>
      <h1 className="mt-2 text-2xl font-semibold">Page not found</h1>
      <p className="mt-3 text-slate-600">It may have been archived, or the link is mistyped.</p>
      <Link href="/overview" className="mt-6 inline-block text-sm font-medium text-brand-dark underline">
        Back to the overview
      </Link>
    </main>
  );
}
