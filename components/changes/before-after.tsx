import Link from "next/link";
import { Change } from "@/components/overview/change";
import type { ChangeTouchpoint } from "@/lib/data/process-changes";
import { formatScore } from "@/lib/format";
import { periodNoun, type ViewGranularity } from "@/lib/periods";
import type { BeforeAfterSide } from "@/lib/scoring/before-after";

function Side({ side, noun }: { side: BeforeAfterSide; noun: string }) {
  return (
    <>
      <span className="block font-semibold tabular-nums">{formatScore(side.score)}</span>
      <span className="block text-xs whitespace-nowrap text-slate-500">
        n = {side.n} {noun}
        {side.n === 1 ? "" : "s"}
      </span>
      {side.responses !== null && <span className="block text-xs whitespace-nowrap text-slate-500">{side.responses.toLocaleString("en-GB")} responses</span>}
    </>
  );
}

function TouchpointName({ touchpoint: t }: { touchpoint: ChangeTouchpoint }) {
  return (
    <>
      {t.archived ? <span className="font-medium">{t.name}</span> : <Link href={`/touchpoints/${t.id}`} className="font-medium text-brand-dark underline">{t.name}</Link>}
      <span className="block text-xs text-slate-500">
        <span aria-hidden="true" className="mr-1 inline-block h-2 w-2 rounded-full" style={{ backgroundColor: t.department.colour }} />
        {t.department.name}
        {t.archived && " · archived"}
      </span>
    </>
  );
}

/**
 * Each affected touchpoint's score before and after the change: each side's figures rolled up by
 * sample size over the same number of periods (docs/changes.md), with how many periods had a score
 * (n) and the responses behind them. On a phone the touchpoint's name takes a line of its own above its figures.
 */
export function BeforeAfterTable({ touchpoints, granularity, caption }: { touchpoints: ChangeTouchpoint[]; granularity: ViewGranularity; caption?: string }) {
  const noun = periodNoun(granularity);
  return (
    <table className="w-full table-fixed text-sm" data-testid="before-after">
      {caption && <caption className="sr-only">{caption}</caption>}
      <thead className="text-left text-xs font-medium text-slate-500">
        <tr>
          <th scope="col" className="hidden w-[40%] py-1 pr-2 font-medium sm:table-cell">Touchpoint</th>
          <th scope="col" className="w-[37%] px-2 py-1 text-right font-medium sm:w-[22%]">Before</th>
          <th scope="col" className="w-[37%] px-2 py-1 text-right font-medium sm:w-[22%]">After</th>
          <th scope="col" className="w-[26%] py-1 pl-2 text-right font-medium sm:w-[16%]">Change</th>
        </tr>
      </thead>
      {touchpoints.map((t) => {
        const c = t.comparison;
        return (
          <tbody key={t.id} className="border-t border-slate-100" data-testid="before-after-row">
            <tr className="sm:hidden">
              <th colSpan={3} scope="rowgroup" className="pt-2 text-left font-normal">
                <TouchpointName touchpoint={t} />
              </th>
            </tr>
            <tr className="align-top">
              <th scope="row" className="hidden py-2 pr-2 text-left font-normal sm:table-cell">
                <TouchpointName touchpoint={t} />
              </th>
              {c.inEffect ? (
                <>
                  <td className="px-2 py-2 text-right"><Side side={c.before} noun={noun} /></td>
                  <td className="px-2 py-2 text-right"><Side side={c.after} noun={noun} /></td>
                  <td className="py-2 pl-2 text-right tabular-nums">
                    <Change value={c.difference} />
                    {c.difference === null && <span className="block text-xs text-slate-500">{c.before.n === 0 ? "no score before" : "no score yet"}</span>}
                  </td>
                </>
              ) : (
                <td colSpan={3} className="py-2 pl-2 text-right text-slate-600">Not in effect yet</td>
              )}
            </tr>
          </tbody>
        );
      })}
    </table>
  );
}
