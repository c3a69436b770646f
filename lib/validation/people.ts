import { z } from "zod";
import { emailField } from "./auth";
import { idField } from "./fields";

export const roleField = z.enum(["ADMIN", "EXECUTIVE", "DEPARTMENT_HEAD", "VIEWER"], { error: "Choose a role" });
/** Department ids from checkboxes: one value, several, or none. */
export const departmentIdsField = z.preprocess((v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(idField("Department")).max(100, "Too many departments"));

/** A department head runs at least one department (for a person or an invitation). */
export function checkHeadHasDepartment(p: { role: string; departmentIds: number[] }, ctx: z.RefinementCtx) {
  if (p.role === "DEPARTMENT_HEAD" && p.departmentIds.length === 0) ctx.addIssue({ code: "custom", path: ["departmentIds"], message: "A department head needs at least one department" });
}

export const updatePersonSchema = z.object({ id: idField("Person"), role: roleField, departmentIds: departmentIdsField }).superRefine(checkHeadHasDepartment);
export const personIdSchema = z.object({ id: idField("Person") });

export const personNameField = z.string({ error: "Enter a name" }).trim().min(2, "Enter a name (at least 2 characters)").max(80, "Use at most 80 characters");
export const personDetailsSchema = z.object({ id: idField("Person"), name: personNameField, email: emailField });
