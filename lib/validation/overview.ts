// The overview's URL parameters (?journey=&view=&period=&from=). A link with a bad parameter
// still opens the overview: each bad one is dropped with a message saying what was wrong.
import { z } from "zod";
import type { ViewGranularity } from "../periods";
import { dateKeyField, idField } from "./fields";

export const VIEW_PARAMS = { week: "WEEK", month: "MONTH", quarter: "QUARTER" } as const satisfies Record<string, ViewGranularity>;
export type ViewParam = keyof typeof VIEW_PARAMS;
export const viewParam = (view: ViewGranularity) => view.toLowerCase() as ViewParam;

const fields = {
  journey: idField("Journey"),
  view: z.enum(["week", "month", "quarter"], { error: "View must be week, month or quarter" }).transform((v) => VIEW_PARAMS[v]),
  period: dateKeyField("Period"),
  from: dateKeyField("Range start"),
};

export type OverviewParams = { journeyId?: number; view?: ViewGranularity; period?: Date; from?: Date };

const LABELS = { journey: "Journey", view: "View", period: "Period", from: "Range start" } as const;

type RawParams = Record<string, string | string[] | null | undefined> | URLSearchParams;

/**
 * Input as it may be said back in a notice: without control or invisible formatting characters
 * (a right-to-left override would turn the sentence around) and at most 40 characters.
 */
export function shownInput(value: string): string {
  const clean = value.replace(/[\p{Cc}\p{Cf}]/gu, "");
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}

/**
 * Parses each parameter on its own; the ones that fail are left out and explained in `problems`.
 * A parameter given more than once uses its first value, and says so: the page (Next's searchParams)
 * and the API (URLSearchParams) read the same link the same way.
 */
export function parseOverviewParams(raw: RawParams): { params: OverviewParams; problems: string[] } {
  const params: OverviewParams = {};
  const problems: string[] = [];
  const valuesOf = (name: string): string[] => {
    if (raw instanceof URLSearchParams) return raw.getAll(name);
    const value = raw[name];
    return value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
  };
  const read = <K extends keyof typeof fields>(name: K, assign: (value: z.output<(typeof fields)[K]>) => void) => {
    const values = valuesOf(name);
    const value = values[0];
    if (value === undefined || value === "") return;
    if (values.length > 1) problems.push(`${LABELS[name]} was given ${values.length} times; the first, "${shownInput(value)}", was used.`);
    const parsed = fields[name].safeParse(value);
    if (parsed.success) assign(parsed.data as z.output<(typeof fields)[K]>);
    else problems.push(`${parsed.error.issues[0]?.message ?? `${LABELS[name]} is not valid`}; ignored "${shownInput(value)}".`);
  };
  read("journey", (v) => (params.journeyId = v));
  read("view", (v) => (params.view = v));
  read("period", (v) => (params.period = v));
  read("from", (v) => (params.from = v));
  return { params, problems };
}

/** The URL query for a view of the overview; defaults are left out so links stay short. */
export function overviewSearch(view: { journeyId?: number | null; view?: ViewGranularity | null; period?: string | null; from?: string | null }): string {
  const search = new URLSearchParams();
  if (view.journeyId) search.set("journey", String(view.journeyId));
  if (view.view) search.set("view", viewParam(view.view));
  if (view.period) search.set("period", view.period);
  if (view.from) search.set("from", view.from);
  const text = search.toString();
  return text ? `?${text}` : "";
}
