// Domain enums, shared by server and browser code. Prisma generates them from
// prisma/schema.prisma; this module is the one place the app imports them from.
export {
  EntrySource,
  MetricDirection,
  MetricKind,
  PeriodGranularity,
  Role,
} from "./db/generated/sqlite/enums";

import type { Role } from "./db/generated/sqlite/enums";

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Admin",
  EXECUTIVE: "Executive",
  DEPARTMENT_HEAD: "Department head",
  VIEWER: "Viewer",
};
