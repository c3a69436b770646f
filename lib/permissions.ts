// "May this user do X to Y?" — the one place that answers it. Pages use these to hide what a
// role cannot do; server actions and route handlers call them again, and are the authority.
import type { Role } from "./domain";

export type Actor = { id: number; role: Role; departmentIds: readonly number[] };

type Permission =
  | "overview:view"
  | "touchpoint:view"
  /** Write entries for any department. */
  | "entries:write-any"
  /** Write entries for the departments one belongs to. */
  | "entries:write-own"
  /** Close and reopen periods, and change figures in closed ones. */
  | "periods:lock"
  /** See every department's figure history and revisions. */
  | "history:view-any"
  /** Create and revoke public links to any touchpoint's report. */
  | "reports:share-any"
  /** Create and revoke public links to the reports of one's own departments' touchpoints. */
  | "reports:share-own"
  /** Record and edit process changes (the "5 Hows") for any department's touchpoints. */
  | "changes:record-any"
  /** Record and edit process changes for the touchpoints of one's own departments. */
  | "changes:record-own"
  /** Set up departments, journeys, touchpoints, metrics and settings; read the audit log. */
  | "organisation:configure";

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  ADMIN: ["overview:view", "touchpoint:view", "entries:write-any", "periods:lock", "history:view-any", "reports:share-any", "changes:record-any", "organisation:configure"],
  EXECUTIVE: ["overview:view", "touchpoint:view", "history:view-any", "reports:share-any"],
  DEPARTMENT_HEAD: ["overview:view", "touchpoint:view", "entries:write-own", "reports:share-own", "changes:record-own"],
  VIEWER: ["overview:view", "touchpoint:view"],
};

function has(actor: Actor, permission: Permission): boolean {
  return ROLE_PERMISSIONS[actor.role].includes(permission);
}

export function canViewOverview(actor: Actor): boolean {
  return has(actor, "overview:view");
}

export function canViewTouchpoint(actor: Actor): boolean {
  return has(actor, "touchpoint:view");
}

/** Whether the metric entry page is for this user at all. */
export function canUseEntry(actor: Actor): boolean {
  return has(actor, "entries:write-any") || (has(actor, "entries:write-own") && actor.departmentIds.length > 0);
}

/** Whether this user may create or change figures for touchpoints the department owns. */
export function canWriteEntries(actor: Actor, departmentId: number): boolean {
  if (has(actor, "entries:write-any")) return true;
  return has(actor, "entries:write-own") && actor.departmentIds.includes(departmentId);
}

/** Whether this user may close or reopen a period, and change figures in a closed one. */
export function canLockPeriods(actor: Actor): boolean {
  return has(actor, "periods:lock");
}

/** Whether this user may see a metric's figure history and revisions (who changed what). */
export function canViewHistory(actor: Actor, departmentId: number): boolean {
  return has(actor, "history:view-any") || (has(actor, "entries:write-own") && actor.departmentIds.includes(departmentId));
}

/** Whether this user may create, list and revoke the department's ingest API keys. */
export function canManageApiKeys(actor: Actor, departmentId: number): boolean {
  return canWriteEntries(actor, departmentId);
}

/** Whether this user may create, list and revoke share links for a touchpoint owned by `departmentId`. */
export function canShareReport(actor: Actor, departmentId: number): boolean {
  return has(actor, "reports:share-any") || (has(actor, "reports:share-own") && actor.departmentIds.includes(departmentId));
}

/**
 * Whether this user may record (and edit) a process change affecting a touchpoint owned by
 * `departmentId`. Reading changes needs only `canViewOverview`.
 */
export function canRecordChange(actor: Actor, departmentId: number): boolean {
  return has(actor, "changes:record-any") || (has(actor, "changes:record-own") && actor.departmentIds.includes(departmentId));
}

/** Whether the change log offers this user "Record a change" at all. */
export function canRecordAnyChange(actor: Actor): boolean {
  return has(actor, "changes:record-any") || (has(actor, "changes:record-own") && actor.departmentIds.length > 0);
}

/** Whether this user may change the organisation's set-up and read its audit log. */
export function canConfigureOrganisation(actor: Actor): boolean {
  return has(actor, "organisation:configure");
}
