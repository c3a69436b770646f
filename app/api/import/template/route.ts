// A ready-to-fill CSV for the import: one line per metric of the departments the user may write
// for (or ?department=ID), for the current period, with last period's source.
import { getCurrentUser } from "@/lib/auth/session";
import { getImportTemplateRows } from "@/lib/data/import-template";
import { getOrganisationSettings } from "@/lib/data/organisation";
import { jsonError } from "@/lib/http";
import { toCsv } from "@/lib/csv";
import { IMPORT_COLUMNS } from "@/lib/import/csv-format";
import { currentPeriod, toPeriodKey } from "@/lib/periods";
import { canUseEntry, canWriteEntries } from "@/lib/permissions";
import { parseIdParam } from "@/lib/validation/fields";

export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return jsonError(401, "Sign in to download the template.");
  if (!canUseEntry(user)) return jsonError(403, "Only department heads and admins can import figures.");
  const raw = new URL(request.url).searchParams.get("department");
  const departmentId = raw === null ? null : parseIdParam(raw);
  if (raw !== null && departmentId === null) return jsonError(400, "department must be a department id.");
  if (departmentId !== null && !canWriteEntries(user, departmentId)) return jsonError(403, "You can only import figures for the departments you head.");

  const { periodGranularity } = await getOrganisationSettings();
  const period = toPeriodKey(currentPeriod(periodGranularity));
  const rows = await getImportTemplateRows(user, departmentId);
  const csv = toCsv(IMPORT_COLUMNS, rows.map((r) => [r.department, r.touchpoint, r.metric, r.metricId, period, "", "", r.source, ""]));
  return new Response(`${csv}\r\n`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="touchline-import-${period}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
