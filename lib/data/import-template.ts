import { db } from "../db";
import { canWriteEntries, type Actor } from "../permissions";

/** One line per active metric the user may write for (optionally one department), in journey order. */
export async function getImportTemplateRows(actor: Actor, departmentId: number | null) {
  const metrics = await db.metric.findMany({
    where: {
      archivedAt: null,
      touchpoint: { archivedAt: null, department: { archivedAt: null }, ...(departmentId === null ? {} : { departmentId }) },
    },
    orderBy: [{ touchpoint: { department: { name: "asc" } } }, { touchpoint: { stage: { journey: { position: "asc" } } } }, { touchpoint: { stage: { position: "asc" } } }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      touchpoint: { select: { name: true, departmentId: true, department: { select: { name: true } } } },
      entries: { orderBy: { periodStart: "desc" }, take: 1, select: { source: true } },
    },
  });
  return metrics
    .filter((m) => canWriteEntries(actor, m.touchpoint.departmentId))
    .map((m) => ({
      department: m.touchpoint.department.name,
      touchpoint: m.touchpoint.name,
      metric: m.name,
      metricId: m.id,
      source: m.entries[0]?.source ?? "",
    }));
}
