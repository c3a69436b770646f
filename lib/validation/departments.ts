import { z } from "zod";
import { idField } from "./fields";

export const MAX_DEPARTMENT_NAME = 60;

const name = z
  .string({ error: "Give the department a name" })
  .trim()
  .min(1, "Give the department a name")
  .max(MAX_DEPARTMENT_NAME, `A department name can be at most ${MAX_DEPARTMENT_NAME} characters`);
/** A colour for charts and chips, as the browser's colour picker gives it. */
const colour = z
  .string({ error: "Choose a colour" })
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, "Choose a colour like #0072b2")
  .transform((c) => c.toLowerCase());

export const createDepartmentSchema = z.object({ name, colour });
export const updateDepartmentSchema = z.object({ id: idField("Department"), name, colour });
export const departmentIdSchema = z.object({ id: idField("Department") });
