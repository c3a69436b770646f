import { describe, expect, it } from "vitest";
import type { Role } from "./domain";
import { canConfigureOrganisation, canManageApiKeys, canLockPeriods, canRecordAnyChange, canRecordChange, canShareReport, canUseEntry, canViewHistory, canViewOverview, canViewTouchpoint, canWriteEntries, type Actor } from "./permissions";

const SALES = 1;
const SUPPORT = 2;
const BILLING = 3;

/** Every role; department heads and admins belong to Sales and Support, never Billing. */
const actors: Record<string, Actor> = {
  admin: { id: 1, role: "ADMIN", departmentIds: [SALES, SUPPORT] },
  adminWithoutDepartments: { id: 2, role: "ADMIN", departmentIds: [] },
  executive: { id: 3, role: "EXECUTIVE", departmentIds: [SALES, SUPPORT] },
  head: { id: 4, role: "DEPARTMENT_HEAD", departmentIds: [SALES, SUPPORT] },
  headWithoutDepartments: { id: 5, role: "DEPARTMENT_HEAD", departmentIds: [] },
  viewer: { id: 6, role: "VIEWER", departmentIds: [SALES, SUPPORT] },
};
type ActorName = keyof typeof actors;

describe("role × action matrix", () => {
  // actor                     overview touchpoint entry  write Sales  write Billing  lock   history Sales  history Billing
  const matrix: [ActorName, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean][] = [
    ["admin",                   true,    true,      true,  true,        true,          true,  true,          true],
    ["adminWithoutDepartments", true,    true,      true,  true,        true,          true,  true,          true],
    ["executive",               true,    true,      false, false,       false,         false, true,          true],
    ["head",                    true,    true,      true,  true,        false,         false, true,          false],
    ["headWithoutDepartments",  true,    true,      false, false,       false,         false, false,         false],
    ["viewer",                  true,    true,      false, false,       false,         false, false,         false],
  ];

  it.each(matrix)(
    "%s: overview %s, touchpoint %s, entry page %s, write own dept %s, write other dept %s, lock periods %s, history own %s, history other %s",
    (name, overview, touchpoint, entry, writeOwn, writeOther, lock, historyOwn, historyOther) => {
      const actor = actors[name] as Actor;
      expect(canViewOverview(actor)).toBe(overview);
      expect(canViewTouchpoint(actor)).toBe(touchpoint);
      expect(canUseEntry(actor)).toBe(entry);
      expect(canWriteEntries(actor, SALES)).toBe(writeOwn);
      expect(canWriteEntries(actor, BILLING)).toBe(writeOther);
      expect(canLockPeriods(actor)).toBe(lock);
      expect(canViewHistory(actor, SALES)).toBe(historyOwn);
      expect(canViewHistory(actor, BILLING)).toBe(historyOther);
    },
  );

  it("covers every role", () => {
    const roles = new Set(Object.values(actors).map((a) => a.role));
    expect([...roles].sort()).toEqual((["ADMIN", "DEPARTMENT_HEAD", "EXECUTIVE", "VIEWER"] satisfies Role[]).sort());
  });
});

describe("canViewOverview / canViewTouchpoint", () => {
  it.each<Role>(["ADMIN", "EXECUTIVE", "DEPARTMENT_HEAD", "VIEWER"])("%s can view, even with no departments", (role) => {
    const actor: Actor = { id: 9, role, departmentIds: [] };
    expect(canViewOverview(actor)).toBe(true);
    expect(canViewTouchpoint(actor)).toBe(true);
  });
});

describe("canUseEntry", () => {
  it("is open to a department head with a single department", () => {
    expect(canUseEntry({ id: 4, role: "DEPARTMENT_HEAD", departmentIds: [BILLING] })).toBe(true);
  });

  it.each<Role>(["EXECUTIVE", "VIEWER"])("stays closed to %s whatever their departments", (role) => {
    expect(canUseEntry({ id: 9, role, departmentIds: [SALES, SUPPORT, BILLING] })).toBe(false);
  });
});

describe("canWriteEntries", () => {
  it("lets a department head write each of their departments and no other", () => {
    const head = actors.head as Actor;
    expect(canWriteEntries(head, SALES)).toBe(true);
    expect(canWriteEntries(head, SUPPORT)).toBe(true);
    expect(canWriteEntries(head, BILLING)).toBe(false);
    expect(canWriteEntries(head, 0)).toBe(false);
  });

  it("lets an admin write a department nobody belongs to", () => {
    expect(canWriteEntries(actors.adminWithoutDepartments as Actor, 999)).toBe(true);
  });

  it.each<Role>(["EXECUTIVE", "VIEWER"])("refuses %s even for a department they belong to", (role) => {
    const actor: Actor = { id: 9, role, departmentIds: [SALES] };
    expect(canWriteEntries(actor, SALES)).toBe(false);
  });
});

describe("canShareReport", () => {
  it.each([
    ["admin", true, true],
    ["adminWithoutDepartments", true, true],
    ["executive", true, true],
    ["head", true, false],
    ["headWithoutDepartments", false, false],
    ["viewer", false, false],
  ] as const)("%s: own department's touchpoint %s, another department's %s", (name, own, other) => {
    expect(canShareReport(actors[name]!, SALES)).toBe(own);
    expect(canShareReport(actors[name]!, BILLING)).toBe(other);
  });
});

describe("canRecordChange and canRecordAnyChange", () => {
  it.each([
    ["admin", true, true, true],
    ["adminWithoutDepartments", true, true, true],
    ["executive", false, false, false],
    ["head", true, false, true],
    ["headWithoutDepartments", false, false, false],
    ["viewer", false, false, false],
  ] as const)("%s: own department's touchpoint %s, another department's %s, any at all %s", (name, own, other, any) => {
    expect(canRecordChange(actors[name]!, SALES)).toBe(own);
    expect(canRecordChange(actors[name]!, BILLING)).toBe(other);
    expect(canRecordAnyChange(actors[name]!)).toBe(any);
  });
});

describe("canConfigureOrganisation", () => {
  it.each([
    ["admin", true],
    ["adminWithoutDepartments", true],
    ["executive", false],
    ["head", false],
    ["headWithoutDepartments", false],
    ["viewer", false],
  ] as const)("%s: %s", (name, allowed) => {
    expect(canConfigureOrganisation(actors[name]!)).toBe(allowed);
  });
});

describe("canManageApiKeys", () => {
  it("follows who may write the department's figures", () => {
    expect(canManageApiKeys(actors.admin!, BILLING)).toBe(true);
    expect(canManageApiKeys(actors.head!, SALES)).toBe(true);
    expect(canManageApiKeys(actors.head!, BILLING)).toBe(false);
    expect(canManageApiKeys(actors.executive!, SALES)).toBe(false);
    expect(canManageApiKeys(actors.viewer!, SALES)).toBe(false);
  });
});
