import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { AdminNav } from "@/components/admin/admin-nav";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { AUDIT_PAGE_SIZE, listAuditEvents, type AuditEntry } from "@/lib/data/audit";
import { formatDateTime } from "@/lib/format";
import { canConfigureOrganisation } from "@/lib/permissions";
import { parseIdParam } from "@/lib/validation/fields";
import { Pagination } from "@/components/ui/pagination";

export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const show = (value: unknown) => (value === null || value === undefined ? "—" : typeof value === "string" ? value : JSON.stringify(value));

/** The fields that differ between before and after (all of after for a creation). */
function changes(event: AuditEntry) {
  const keys = [...new Set([...Object.keys(event.before ?? {}), ...Object.keys(event.after ?? {})])].filter((k) => k !== "id");
  return keys
    .filter((k) => show(event.before?.[k]) !== show(event.after?.[k]))
    .map((k) => ({ field: k, before: event.before ? show(event.before[k]) : null, after: event.after ? show(event.after[k]) : null }));
}

export default async function AuditPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!canConfigureOrganisation(user)) forbidden();
  const raw = (await searchParams).page;
  const page = parseIdParam(typeof raw === "string" ? raw : null) ?? 1;
  const { events, total } = await listAuditEvents(user, page);
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));

  return (
    <>
      <PageHeader title="Administration" description="Every change to the organisation's set-up: who, what, when, before and after." />
      <AdminNav current="/admin/audit" />
      {events.length === 0 ? (
        <EmptyState title={page > 1 ? "No entries on this page" : "No changes yet"}>Changes to departments and the rest of the set-up appear here as admins make them.</EmptyState>
      ) : (
        <div className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-xs">
          <table className="w-full min-w-[44rem] text-sm" data-testid="audit-table">
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-2">When</th>
                <th scope="col" className="px-3 py-2">Who</th>
                <th scope="col" className="px-3 py-2">What</th>
                <th scope="col" className="px-3 py-2">Change</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id} className="border-t border-slate-100 align-top" data-testid="audit-row">
                  <td className="px-4 py-2 whitespace-nowrap">{formatDateTime(new Date(e.at))}</td>
                  <td className="px-3 py-2">{e.actor ?? "a deleted user"}</td>
                  <td className="px-3 py-2 font-mono text-xs">{e.action}{e.entityId !== null && ` #${e.entityId}`}</td>
                  <td className="px-3 py-2">
                    <ul className="space-y-0.5">
                      {changes(e).map((c) => (
                        <li key={c.field}>
                          <span className="text-slate-500">{c.field}:</span>{" "}
                          {c.before !== null && <><del className="text-slate-500">{c.before}</del> → </>}
                          <span>{c.after ?? "—"}</span>
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pages={pages} hrefFor={(n) => `?page=${n}`} />
    </>
  );
}
