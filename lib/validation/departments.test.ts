import { describe, expect, it } from "vitest";
import { createDepartmentSchema, updateDepartmentSchema } from "./departments";

describe("department input", () => {
  it("trims the name and lower-cases the colour", () => {
    expect(createDepartmentSchema.parse({ name: "  Pastry ", colour: "#D55E00" })).toEqual({ name: "Pastry", colour: "#d55e00" });
  });

  it.each([
    [{ name: "", colour: "#000000" }, "name", "Give the department a name"],
    [{ name: "x".repeat(61), colour: "#000000" }, "name", "A department name can be at most 60 characters"],
    [{ name: "Pastry", colour: "red" }, "colour", "Choose a colour like #0072b2"],
    [{ name: "Pastry" }, "colour", "Choose a colour"],
  ])("refuses %o with a message on %s", (input, field, message) => {
    const result = createDepartmentSchema.safeParse(input);
    expect(result.error?.issues.find((i) => i.path[0] === field)?.message).toBe(message);
  });

  it("needs the id to update", () => {
    expect(updateDepartmentSchema.safeParse({ name: "Pastry", colour: "#000000" }).success).toBe(false);
  });
});
