"use server";

import { revalidatePath } from "next/cache";
import { authenticatedAction } from "@/lib/actions";
import { archiveDepartment, createDepartment, restoreDepartment, updateDepartment } from "@/lib/data/departments";
import { createDepartmentSchema, departmentIdSchema, updateDepartmentSchema } from "@/lib/validation/departments";

const actions = {
  create: authenticatedAction(createDepartmentSchema, (actor, input) => createDepartment(actor, input)),
  update: authenticatedAction(updateDepartmentSchema, (actor, input) => updateDepartment(actor, input)),
  archive: authenticatedAction(departmentIdSchema, (actor, input) => archiveDepartment(actor, input)),
  restore: authenticatedAction(departmentIdSchema, (actor, input) => restoreDepartment(actor, input)),
};

async function run<K extends keyof typeof actions>(name: K, input: unknown) {
  const result = await actions[name](input);
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function createDepartmentAction(input: unknown) {
  return run("create", input);
}
export async function updateDepartmentAction(input: unknown) {
  return run("update", input);
}
export async function archiveDepartmentAction(input: unknown) {
  return run("archive", input);
}
export async function restoreDepartmentAction(input: unknown) {
  return run("restore", input);
}
