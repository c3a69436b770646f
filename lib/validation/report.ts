// A touchpoint report's range in its URL (?from=&to=, "YYYY-MM-DD"). A bad value is dropped with
// a message; the report falls back to its default range.
import { dateKeyField } from "./fields";

const from = dateKeyField("Range start");
const to = dateKeyField("Range end");

export function parseReportRange(raw: Record<string, string | string[] | undefined>): { from?: string; to?: string; problems: string[] } {
  const problems: string[] = [];
  const read = (name: "from" | "to", schema: typeof from) => {
    const value = Array.isArray(raw[name]) ? raw[name][0] : raw[name];
    if (!value) return undefined;
    const parsed = schema.safeParse(value);
    if (parsed.success) return value.trim();
    problems.push(`${parsed.error.issues[0]!.message}; ignored "${value}".`);
    return undefined;
  };
  return { from: read("from", from), to: read("to", to), problems };
}
