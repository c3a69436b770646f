import { z } from "zod";
import { idField } from "./fields";

const role = z.enum(["ADMIN", "EXECUTIVE", "DEPARTMENT_HEAD", "VIEWER"], { error: "Choose a role" });
/** Department ids from checkboxes: one value, several, or none. */
const departmentIds = z.preprocess((v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(idField("Department")).max(100, "Too many departments"));

export const updatePersonSchema = z
  .object({ id: idField("Person"), role, departmentIds })
  .superRefine((p, ctx) => {
    if (p.role === "DEPARTMENT_HEAD" && p.departmentIds.length === 0) ctx.addIssue({ code: "custom", path: ["departmentIds"], message: "A department head needs at least one department" });
  });
export const personIdSchema = z.object({ id: idField("Person") });
