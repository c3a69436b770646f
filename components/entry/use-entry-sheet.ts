"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { saveEntriesAction } from "@/app/(app)/entry/actions";
import type { ActionResult } from "@/lib/actions";
import type { RowProblem, SaveEntriesResult } from "@/lib/data/entries";
import type { EntrySheet } from "@/lib/data/entry-sheet";
import type { EntrySource } from "@/lib/domain";
import { callAction } from "@/lib/call-action";

export const entrySheetKey = (departmentId: number, periodKey: string) => ["entry-sheet", departmentId, periodKey] as const;

export function useEntrySheetQuery(departmentId: number, periodKey: string, initial: EntrySheet) {
  const isInitial = initial.departmentId === departmentId && initial.periodStart === periodKey;
  return useQuery({
    queryKey: entrySheetKey(departmentId, periodKey),
    queryFn: async ({ signal }): Promise<EntrySheet> => {
      const response = await fetch(`/api/entry-sheet?department=${departmentId}&period=${periodKey}`, { signal });
      const body = await response.json();
      if (!response.ok) throw new Error(body.error ?? "Could not load the figures");
      return body;
    },
    initialData: isInitial ? initial : undefined,
    // Figures change under other people's hands; refetch on focus, keep it briefly fresh.
    staleTime: 10_000,
  });
}

export type SaveRow = {
  metricId: number;
  periodStart: string;
  /** Parsed in the browser with the server's own rules (lib/validation/metric-value.ts). */
  value: number;
  sampleSize: string;
  source: EntrySource;
  note: string;
  expectedVersion: number;
  confirmUnusual: boolean;
};

/** A refused save, carrying the per-row problems to show. */
export class SaveRefused extends Error {
  constructor(
    message: string,
    readonly problems: RowProblem[],
  ) {
    super(message);
  }
}

/** Saves rows; the sheet shows the new values at once and rolls back if the server refuses. */
export function useSaveEntries(departmentId: number, periodKey: string) {
  const queryClient = useQueryClient();
  const key = entrySheetKey(departmentId, periodKey);
  return useMutation({
    mutationFn: async (rows: SaveRow[]): Promise<SaveEntriesResult> => {
      const result: ActionResult<SaveEntriesResult> = await callAction(() => saveEntriesAction({ rows }));
      if (result.ok) return result.data;
      const problems = ((result.details?.rows ?? []) as RowProblem[]).map((p) => ({ ...p, metricId: p.metricId ?? rows[p.index]?.metricId }));
      throw new SaveRefused(result.message, problems);
    },
    onMutate: async (rows) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<EntrySheet>(key);
      if (before) {
        const byMetric = new Map(rows.map((r) => [r.metricId, r]));
        queryClient.setQueryData<EntrySheet>(key, {
          ...before,
          rows: before.rows.map((row) => {
            const saving = byMetric.get(row.metricId);
            if (!saving) return row;
            return {
              ...row,
              current: {
                value: saving.value,
                sampleSize: saving.sampleSize ? Number(saving.sampleSize) : null,
                source: saving.source,
                note: saving.note || null,
                version: row.current?.version ?? 0,
              },
            };
          }),
        });
      }
      return { before };
    },
    onSuccess: (result) => {
      // The saved versions, so a second save before the refetch lands is not a conflict with oneself.
      const versions = new Map(result.entries.map((e) => [e.metricId, e.version]));
      queryClient.setQueryData<EntrySheet>(key, (sheet) =>
        sheet && {
          ...sheet,
          rows: sheet.rows.map((row) => (row.current && versions.has(row.metricId) ? { ...row, current: { ...row.current, version: versions.get(row.metricId)! } } : row)),
        },
      );
    },
    onError: (_error, _rows, context) => {
      if (context?.before) queryClient.setQueryData(key, context.before);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
