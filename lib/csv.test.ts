import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { rowFromRecord } from "./import/csv-format";
import { toCsv, unescapeFormula } from "./csv";

const parse = (csv: string) => Papa.parse<string[]>(csv, { newline: "\r\n" }).data;

describe("toCsv", () => {
  it("writes a header and CRLF lines, quoting commas, quotes and line breaks; empty cells for null", () => {
    expect(toCsv(["a", "b", "c", "d"], [["Pay & leave", 'Said "great"', "a,b", null], ["two\nlines", 4, undefined, ""]])).toBe(
      'a,b,c,d\r\nPay & leave,"Said ""great""","a,b",\r\n"two\nlines",4,,',
    );
  });

  // OWASP "CSV Injection": cells starting with =, +, -, @, tab or carriage return; line feed too.
  const triggers = ["=", "+", "-", "@", "\t", "\r", "\n"];
  const payloads = triggers.flatMap((t) => [`${t}HYPERLINK("http://evil.example","x")`, `${t}1+1\nsecond line`, `${t}cmd|' /C calc'!A0`, t]);

  it.each(payloads)("puts an apostrophe before %j and quotes it, whatever follows", (text) => {
    const [header, row] = parse(toCsv(["name"], [[text]]));
    expect(header).toEqual(["name"]);
    expect(row).toEqual([`'${text}`]);
  });

  it("leaves text that only contains a trigger later, and numbers (a negative NPS), as they are", () => {
    expect(parse(toCsv(["a", "b", "c"], [["Food = good", -12, "a\n=b"]]))[1]).toEqual(["Food = good", "-12", "a\n=b"]);
  });

  it("escapes every cell of every row, not only the first", () => {
    const rows = [["ok", "=1"], ["@SUM(A1)", "fine"], ["-5 stars", "+x"]];
    const written = parse(toCsv(["x", "y"], rows)).slice(1);
    expect(written).toEqual([["ok", "'=1"], ["'@SUM(A1)", "fine"], ["'-5 stars", "'+x"]]);
  });
});

describe("unescapeFormula", () => {
  it.each(payloads())("reads back what toCsv wrote: %j", (text) => {
    const [, [cell]] = parse(toCsv(["name"], [[text]])) as [string[], string[]];
    expect(unescapeFormula(cell!)).toBe(text);
  });

  it("keeps an apostrophe a person typed before ordinary text", () => {
    expect(unescapeFormula("'tis the season")).toBe("'tis the season");
  });

  it("is applied by the import to every cell of a row", () => {
    expect(rowFromRecord({ department: "'=Bar", touchpoint: "'+Drinks", metric: "'@Rating", metric_id: "", period: "2026-11-16", value: "4", note: "'-late" })).toEqual(
      ["=Bar", "+Drinks", "@Rating", "", "2026-11-16", "4", "", "", "-late"],
    );
  });

  function payloads() {
    return ["=", "+", "-", "@"].flatMap((t) => [`${t}HYPERLINK("x")`, `${t}1+1\nsecond line`]);
  }
});
