import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { BeforeAfterTable } from "@/components/changes/before-after";
import { ChangeFilters } from "@/components/changes/change-filters";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { getOrganisationSettings } from "@/lib/data/organisation";
import { getChangeFilterOptions, listProcessChanges } from "@/lib/data/process-changes";
import { formatDate } from "@/lib/format";
import { parsePeriodKey, periodNoun } from "@/lib/periods";
import { canRecordAnyChange, canViewOverview } from "@/lib/permissions";
import { parseChangeFilters } from "@/lib/validation/process-change";
import { Pagination } from "@/components/ui/pagination";

export const metadata: Metadata = { title: "Change log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ChangeLogPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!canViewOverview(user)) forbidden();
  const filters = parseChangeFilters(await searchParams);
  const [{ changes, total, pages }, options, settings] = await Promise.all([listProcessChanges(user, filters), getChangeFilterOptions(), getOrganisationSettings()]);
  const mayRecord = canRecordAnyChange(user);
  const noun = periodNoun(settings.periodGranularity);
  const filtered = filters.departmentId !== undefined || filters.touchpointId !== undefined;
  const pageLink = (page: number) => {
    const search = new URLSearchParams();
    if (filters.departmentId !== undefined) search.set("department", String(filters.departmentId));
    if (filters.touchpointId !== undefined) search.set("touchpoint", String(filters.touchpointId));
    if (page > 1) search.set("page", String(page));
    return `/changes?${search}`;
  };

  return (
    <>
      <PageHeader
        title="Change log"
        description={`What departments changed, the 5 Hows behind each change, and the touchpoints' scores in the ${noun}s before and after it.`}
      >
        {mayRecord && <Link href="/changes/new" className={buttonClasses()}>Record a change</Link>}
      </PageHeader>
      <div className="mb-6">
        <ChangeFilters options={options} departmentId={filters.departmentId} touchpointId={filters.touchpointId} />
      </div>

      {total === 0 ? (
        filtered ? (
          <EmptyState title="No changes match these filters">
            No recorded change affects {filters.touchpointId !== undefined ? "this touchpoint" : "this department's touchpoints"}.{" "}
            <Link href="/changes" className="font-medium text-brand-dark underline">Show every change</Link>
          </EmptyState>
        ) : (
          <EmptyState title="No process changes recorded yet">
            <p>
              When a department changes how a touchpoint works — a new booking system, a kitchen rota, a delivery partner — the change log
              keeps the story behind the numbers: what changed and when, how customers will notice and respond, and the touchpoint&apos;s
              score before and after.
            </p>
            <p className="mt-2">
              {mayRecord ? (
                <Link href="/changes/new" className="font-medium text-brand-dark underline">Record the first change</Link>
              ) : (
                "Department heads record changes for their departments' touchpoints, and admins for any."
              )}
            </p>
          </EmptyState>
        )
      ) : (
        <ol className="space-y-4" aria-label="Changes, newest first">
          {changes.map((change) => (
            <li key={change.id}>
              <article aria-labelledby={`change-${change.id}-title`} className="rounded-xl border border-slate-200 bg-white p-5 shadow-xs" data-testid="change-item">
                <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
                  <div className="min-w-0">
                    <p className="text-sm font-medium text-slate-500">
                      <time dateTime={change.effectiveDate}>{formatDate(parsePeriodKey(change.effectiveDate)!)}</time>
                    </p>
                    <h2 id={`change-${change.id}-title`} className="mt-0.5 text-lg font-semibold break-words">
                      <Link href={`/changes/${change.id}`} className="hover:underline">{change.title}</Link>
                    </h2>
                    <p className="mt-1 text-xs text-slate-500">
                      Recorded {change.author ? `by ${change.author} ` : ""}on {formatDate(new Date(change.recordedAt))}
                      {change.editedAt && ` · edited ${formatDate(new Date(change.editedAt))}`}
                    </p>
                    <Link href={`/changes/${change.id}`} className="mt-2 inline-block text-sm font-medium text-brand-dark underline">
                      Read the 5 Hows<span className="sr-only"> of “{change.title}”</span>
                    </Link>
                  </div>
                  <BeforeAfterTable touchpoints={change.touchpoints} granularity={settings.periodGranularity} caption={`Scores before and after “${change.title}”`} />
                </div>
              </article>
            </li>
          ))}
        </ol>
      )}
      <Pagination page={filters.page} pages={pages} hrefFor={pageLink} />
    </>
  );
}
