"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState, type ReactNode } from "react";
import { ReferenceLine } from "recharts";

/** A process change on a chart: a numbered marker at the period it took effect in. */
export type ChartChange = {
  /** 1, 2, … oldest first; the same number labels it in the list under the chart. */
  number: number;
  title: string;
  dateLabel: string;
  /** Where clicking it goes: the record (`/changes/12`) or, on a shared report, an anchor (`#change-1`). */
  href: string;
  /** The period ("YYYY-MM-DD" start) it took effect in. */
  periodKey: string;
};

type Group = { x: string; periodKey: string; changes: ChartChange[] };
type Open = { periodKey: string; left: number; pinned: boolean };

const MARKER_COLOUR = "#115e59";
const CARD_WIDTH = 256;
const CARD_GAP = 10;
/** Room above the plot for the markers' number flags. */
export const MARKER_MARGIN_TOP = 22;

/** "1", "1, 2", "1–4": the numbers of the changes in one period. */
const numbers = (changes: ChartChange[]) =>
  changes.length <= 2 ? changes.map((c) => c.number).join(", ") : `${changes[0]!.number}–${changes.at(-1)!.number}`;

type ShapeProps = { x1?: number; y1?: number; y2?: number };

/**
 * Markers for a Recharts line chart: a dashed line with a numbered flag per period that has changes.
 * Hovering one shows its changes' titles and dates; clicking opens the change (or, when several
 * share the period, keeps the card open to choose). The charts are hidden from screen readers, so
 * every chart lists the same changes as ordinary links under it.
 *
 * `xOf` maps a period key to the chart's x value; changes outside the chart's periods get no marker.
 */
export function useChangeMarkers(changes: readonly ChartChange[], xOf: (periodKey: string) => string | undefined) {
  const router = useRouter();
  const [open, setOpen] = useState<Open | null>(null);
  // Over a marker or its card: moving from one to the other must not close the card.
  const [pointerInside, setPointerInside] = useState(false);
  useEffect(() => {
    if (pointerInside || !open || open.pinned) return;
    const closing = setTimeout(() => setOpen(null), 200);
    return () => clearTimeout(closing);
  }, [pointerInside, open]);

  const groups: Group[] = [];
  for (const change of changes) {
    const x = xOf(change.periodKey);
    if (x === undefined) continue;
    const group = groups.find((g) => g.periodKey === change.periodKey);
    if (group) group.changes.push(change);
    else groups.push({ x, periodKey: change.periodKey, changes: [change] });
  }

  /**
   * Opens the card beside the marker at `x` (right of it, or left near the chart's right edge), so
   * it never hides the marker; on a chart too narrow for either, over it, within the chart.
   */
  const show = (periodKey: string, x: number, marker: SVGGElement, pinned = false) => {
    setPointerInside(true);
    const width = marker.ownerSVGElement?.clientWidth ?? CARD_WIDTH;
    const right = x + CARD_GAP;
    const left = x - CARD_GAP - CARD_WIDTH;
    setOpen({ periodKey, left: right + CARD_WIDTH <= width ? right : left >= 0 ? left : Math.max(0, Math.min(x - CARD_WIDTH / 2, width - CARD_WIDTH)), pinned });
  };

  const lines = groups.map((g) => (
    <ReferenceLine
      key={g.periodKey}
      x={g.x}
      zIndex={1300}
      shape={({ x1, y1, y2 }: ShapeProps) => {
        if (x1 === undefined || y1 === undefined || y2 === undefined) return <g />;
        const top = Math.min(y1, y2);
        const label = numbers(g.changes);
        const width = 8 + 6.5 * label.length;
        return (
          <g
            data-testid="change-marker"
            data-period={g.periodKey}
            style={{ cursor: "pointer" }}
            onMouseEnter={(e) => show(g.periodKey, x1, e.currentTarget)}
            onMouseLeave={() => setPointerInside(false)}
            onClick={(e) => (g.changes.length === 1 ? router.push(g.changes[0]!.href) : show(g.periodKey, x1, e.currentTarget, true))}
          >
            <line x1={x1} x2={x1} y1={top} y2={Math.max(y1, y2)} stroke={MARKER_COLOUR} strokeWidth={1.5} strokeDasharray="4 3" />
            {/* A wider, invisible line, so the marker is easy to point at. */}
            <line x1={x1} x2={x1} y1={top - 18} y2={Math.max(y1, y2)} stroke="transparent" strokeWidth={14} />
            <rect x={x1 - width / 2} y={top - 18} width={width} height={16} rx={4} fill={MARKER_COLOUR} />
            <text x={x1} y={top - 6} textAnchor="middle" fontSize={10} fontWeight={600} fill="#fff">{label}</text>
          </g>
        );
      }}
    />
  ));

  const group = open && groups.find((g) => g.periodKey === open.periodKey);
  const card: ReactNode = group ? (
    <div
      data-testid="change-marker-card"
      className="absolute top-0 z-10 rounded-md border border-slate-200 bg-white p-2 text-xs shadow-lg"
      style={{ left: open.left, width: CARD_WIDTH, maxWidth: "100%" }}
      onMouseEnter={() => setPointerInside(true)}
      onMouseLeave={() => setPointerInside(false)}
    >
      <ul className="space-y-1.5">
        {group.changes.map((c) => (
          <li key={c.number}>
            <Link href={c.href} className="block rounded px-1 py-0.5 hover:bg-slate-50">
              <span className="text-slate-500">
                Change {c.number} · {c.dateLabel}
              </span>
              <span className="block font-medium text-slate-900 underline decoration-slate-300 underline-offset-2">{c.title}</span>
            </Link>
          </li>
        ))}
      </ul>
      {open.pinned && (
        <button type="button" className="mt-1 px-1 text-slate-500 underline" onClick={() => setOpen(null)}>
          Close
        </button>
      )}
    </div>
  ) : null;

  return { lines, card, markerHovered: Boolean(group), hasMarkers: groups.length > 0 };
}

/** The changes on a chart as a numbered list of links: the way to them without a mouse. */
export function ChangeList({ changes, heading, className = "" }: { changes: readonly ChartChange[]; heading: string; className?: string }) {
  if (changes.length === 0) return null;
  return (
    <div className={className}>
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{heading}</h3>
      <ol className="mt-1 space-y-1 text-sm">
        {changes.map((c) => (
          <li key={c.number} className="flex gap-2">
            <span aria-hidden="true" className="mt-0.5 inline-flex h-4 min-w-4 shrink-0 items-center justify-center rounded px-1 text-[10px] font-semibold text-white" style={{ backgroundColor: MARKER_COLOUR }}>
              {c.number}
            </span>
            <span className="min-w-0">
              <Link href={c.href} className="font-medium text-brand-dark underline">{c.title}</Link>
              <span className="text-slate-500"> · {c.dateLabel}</span>
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
