import Link from "next/link";

/**
 * "Newer · Page 2 of 5 · Older" under a list shown newest first; nothing when it fits on one page.
 * `hrefFor(n)`: the link to page n (the page keeps its own filters in it).
 */
export function Pagination({ page, pages, hrefFor, label = "Pages", className = "mt-4" }: { page: number; pages: number; hrefFor: (page: number) => string; label?: string; className?: string }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className={`${className} flex items-center justify-between text-sm`}>
      {page > 1 ? <Link href={hrefFor(page - 1)} className="text-brand-dark underline">Newer</Link> : <span />}
      <span className="text-slate-600">Page {page} of {pages}</span>
      {page < pages ? <Link href={hrefFor(page + 1)} className="text-brand-dark underline">Older</Link> : <span />}
    </nav>
  );
}
