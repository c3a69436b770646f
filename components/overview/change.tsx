import { formatScore, roundHalfUp } from "@/lib/format";

/** "▲ 1.2" / "▼ 3.4" / "no change": the direction as an arrow and a word for screen readers. */
export function Change({ value, noun }: { value: number | null; noun?: string }) {
  if (value === null) return <span className="text-slate-500">—</span>;
  const rounded = roundHalfUp(value, 1);
  if (rounded === 0) return <span className="text-slate-600">no change{noun ? ` since the previous ${noun}` : ""}</span>;
  const up = rounded > 0;
  return (
    <span className={up ? "text-band-good-ink" : "text-band-poor-ink"}>
      <span aria-hidden="true">{up ? "▲" : "▼"}</span>
      <span className="sr-only">{up ? "up" : "down"}</span> {formatScore(Math.abs(rounded))}
      {noun && <span className="text-slate-600"> vs previous {noun}</span>}
    </span>
  );
}
