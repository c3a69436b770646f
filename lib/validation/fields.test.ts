import { describe, expect, it } from "vitest";
import { z } from "zod";
import { dateKeyField, fieldErrors, isTokenShape, numberField, parseDecimal, parseIdParam, rowProblemsFrom } from "./fields";

describe("parseDecimal", () => {
  it("reads a decimal with no digit before the point", () => {
    expect(parseDecimal(".55")).toBe(0.55);
    expect(parseDecimal("-.5")).toBe(-0.5);
  });
});

describe("numberField", () => {
  it("refuses a decimal too large to be a finite number", () => {
    const result = numberField("Value").safeParse(`1${"0".repeat(400)}`);
    expect(result.error!.issues.map((i) => [i.code, i.message])).toEqual([["custom", "Value must be a number"]]);
  });

  it("raises its own problems as custom issues", () => {
    expect(numberField("Value").safeParse(" ").error!.issues.map((i) => [i.code, i.message])).toEqual([["custom", "Value is required"]]);
    expect(numberField("Value").safeParse("4,5").error!.issues.map((i) => [i.code, i.message])).toEqual([
      ["custom", "Value must be a number (use a dot for decimals, no thousands separators)"],
    ]);
    expect(dateKeyField("Period").safeParse("2026-02-30").error!.issues.map((i) => [i.code, i.message])).toEqual([["custom", "Period must be a date like 2026-11-16"]]);
  });
});

describe("parseIdParam", () => {
  it.each([
    ["12", 12],
    [" 12 ", 12],
    ["12.0", null],
    ["+12", null],
    ["12a", null],
    ["a12", null],
    ["0", null],
    ["", null],
    [null, null],
    [undefined, null],
  ] as const)("%j → %s", (raw, id) => {
    expect(parseIdParam(raw)).toBe(id);
  });
});

describe("isTokenShape", () => {
  it("takes exactly 43 base64url characters and nothing around them", () => {
    const token = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123_-9";
    expect(token).toHaveLength(43);
    expect(isTokenShape(token)).toBe(true);
    expect(isTokenShape(`${token}a`)).toBe(false);
    expect(isTokenShape(`!${token}`)).toBe(false);
    expect(isTokenShape(`${token}!`)).toBe(false);
  });
});

describe("rowProblemsFrom and fieldErrors", () => {
  const schema = z.object({ rows: z.array(z.object({ value: z.number(), note: z.string() })) }).refine(() => false, "Something is wrong with the form");

  it("gives each row's first message per field, as invalid row problems", () => {
    const error = schema.safeParse({ rows: [{ value: 1, note: "ok" }, { value: "x", note: 3 }] }).error!;
    expect(rowProblemsFrom(error)).toEqual([{ index: 1, code: "invalid", fields: { value: expect.any(String), note: expect.any(String) } }]);
    expect(rowProblemsFrom(error, "lines")).toEqual([]);
  });

  it("files a problem with no field under form", () => {
    expect(fieldErrors(schema.safeParse({ rows: [] }).error!)).toEqual({ form: "Something is wrong with the form" });
  });
});
