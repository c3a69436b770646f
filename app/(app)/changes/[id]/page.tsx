import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BeforeAfterTable } from "@/components/changes/before-after";
import { FiveHows } from "@/components/changes/five-hows";
import { buttonClasses } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/session";
import { getOrganisationSettings } from "@/lib/data/organisation";
import { getProcessChange } from "@/lib/data/process-changes";
import { formatDate } from "@/lib/format";
import { formatPeriod, formatPeriodShort, parsePeriodKey, periodNoun } from "@/lib/periods";
import { parseIdParam } from "@/lib/validation/fields";

type Props = { params: Promise<{ id: string }> };

async function load(props: Props) {
  const user = await requireUser();
  const id = parseIdParam((await props.params).id);
  return { change: id ? await getProcessChange(user, id) : null };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  return { title: (await load(props)).change?.title ?? "Change" };
}

const card = "rounded-xl border border-slate-200 bg-white p-5 shadow-xs";
const longDate = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** One change in full: when, who, the touchpoints' scores before and after, and the 5 Hows. */
export default async function ChangePage(props: Props) {
  const [{ change }, settings] = await Promise.all([load(props), getOrganisationSettings()]);
  if (!change) notFound();
  const granularity = settings.periodGranularity;
  const noun = periodNoun(granularity);
  const plural = (n: number) => (n === 1 ? noun : `${noun}s`);
  // "the weeks of 4 May to 22 Jun 2026", "May 2026 to June 2026"
  const span = (from: Date, to: Date) =>
    noun === "week" ? `the weeks of ${formatPeriodShort(from, granularity)} to ${formatDate(to)}` : `${formatPeriod(from, granularity)} to ${formatPeriod(to, granularity)}`;
  // Every touchpoint of a change shares its windows; the first one that is in effect says what they are.
  const window = change.touchpoints.map((t) => t.comparison).find((c) => c.inEffect);
  const effective = parsePeriodKey(change.effectiveDate)!;

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link href="/changes" className="hover:underline">Change log</Link>
      </nav>
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <p className="text-sm font-medium text-slate-500">
            Took effect on <time dateTime={change.effectiveDate}>{longDate.format(effective)}</time>
          </p>
          <h1 className="mt-0.5 text-2xl font-semibold tracking-tight break-words">{change.title}</h1>
          <p className="mt-1 text-sm text-slate-600">
            Recorded {change.author ? `by ${change.author} ` : ""}on {formatDate(new Date(change.recordedAt))}
            {change.editedAt && ` · last edited ${formatDate(new Date(change.editedAt))}`}
          </p>
        </div>
        {change.canEdit && <Link href={`/changes/${change.id}/edit`} className={buttonClasses("secondary")}>Edit<span className="sr-only"> the change</span></Link>}
      </header>

      <section aria-labelledby="touchpoints-heading" className={card}>
        <h2 id="touchpoints-heading" className="text-base font-semibold">Touchpoints affected</h2>
        <p className="mt-1 text-sm text-slate-600">
          {window?.inEffect
            ? `Each touchpoint's score over its figures in the ${window.windowLength} ${plural(window.windowLength)} before the change, weighted by responses, (${span(window.before.from, window.before.to)}) and the ${window.windowLength} from the ${noun} it took effect in (${span(window.after.from, window.after.to)}). n counts the ${noun}s with a score.`
            : `The change takes effect on ${formatDate(effective)}; from then on, its touchpoints' scores before and after it appear here.`}
        </p>
        <div className="mt-3 max-w-3xl">
          <BeforeAfterTable touchpoints={change.touchpoints} granularity={granularity} caption="Scores before and after the change" />
        </div>
        <p className="mt-3 text-xs text-slate-500">
          Scores move for many reasons at once; a difference after a change is a reason to look closer, not proof that the change caused it.
        </p>
      </section>

      <section aria-labelledby="hows-heading" className={card}>
        <h2 id="hows-heading" className="text-base font-semibold">The 5 Hows</h2>
        <FiveHows answers={change.answers} />
      </section>
    </div>
  );
}
