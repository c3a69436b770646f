// Only the overview streams behind a skeleton: pages that may answer 403/404 must decide
// before streaming starts, or the status is already 200. The shapes follow the real layout.
export default function Loading() {
  const block = "rounded-xl border border-slate-200 bg-white";
  return (
    <div aria-busy="true" className="animate-pulse space-y-6">
      <span role="status" className="sr-only">Loading the overview…</span>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-2">
          <div className="h-7 w-56 rounded bg-slate-200" />
          <div className="h-4 w-80 max-w-full rounded bg-slate-200" />
        </div>
        <div className="flex gap-3">
          {[40, 56, 44, 44].map((w) => <div key={w} className="h-9 rounded bg-slate-200" style={{ width: `${w * 0.25}rem` }} />)}
        </div>
      </div>
      <div className={`${block} h-32`} />
      <div className={`${block} grid gap-4 p-5 sm:grid-cols-3 lg:grid-cols-6`}>
        {Array.from({ length: 6 }, (_, i) => <div key={i} className="h-24 rounded-lg bg-slate-100" />)}
      </div>
      <div className="grid gap-6 xl:grid-cols-[2fr_1fr]">
        <div className={`${block} h-64`} />
        <div className={`${block} h-64`} />
      </div>
    </div>
  );
}
