// The change log streams behind a skeleton (it never answers 403 or 404 to someone signed in;
// the record and form pages, which can, have no loading state for that reason).
export default function Loading() {
  return (
    <div aria-busy="true" className="animate-pulse space-y-6">
      <span role="status" className="sr-only">Loading the change log…</span>
      <div className="space-y-2">
        <div className="h-7 w-48 rounded bg-slate-200" />
        <div className="h-4 w-96 max-w-full rounded bg-slate-200" />
      </div>
      <div className="flex flex-wrap gap-3">
        <div className="h-9 w-56 rounded bg-slate-200" />
        <div className="h-9 w-56 rounded bg-slate-200" />
      </div>
      {[0, 1, 2].map((i) => <div key={i} className="h-40 rounded-xl border border-slate-200 bg-white" />)}
    </div>
  );
}
