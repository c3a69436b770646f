"use client";

import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import type { RowProblem } from "@/lib/data/entries";
import type { EntrySheet, EntrySheetRow } from "@/lib/data/entry-sheet";
import { EntrySource } from "@/lib/domain";
import { formatSource, formatValue } from "@/lib/format";
import { valueRange } from "@/lib/validation/entry";
import { checkDraft, initialDraft, isDirty, type Draft } from "./draft";
import { nextCell } from "./grid-navigation";
import { SaveRefused, useSaveEntries, type SaveRow } from "./use-entry-sheet";
import { useUnsavedChangesWarning } from "./use-unsaved-changes-warning";

const COLUMNS = ["value", "sampleSize", "source", "note"] as const;
const SOURCES = Object.values(EntrySource);

function rangeHint(row: EntrySheetRow): string {
  const { min, max } = valueRange(row);
  const unit = row.unit === "%" ? "%" : row.unit ? ` ${row.unit}` : "";
  if (row.kind === "DURATION") return `in ${row.unit || "units"}, e.g. 12.5 or 4m 30s`;
  return max === Number.MAX_SAFE_INTEGER ? `${min} or more${unit}` : `${min} to ${max}${unit}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

type Props = { sheet: EntrySheet; readOnly: boolean; onDirtyChange: (dirty: boolean) => void };

/** One department's figures for one period, edited like a spreadsheet and saved in one go. */
export function EntryGrid({ sheet, readOnly, onDirtyChange }: Props) {
  const [drafts, setDrafts] = useState<Map<number, Draft>>(new Map());
  const [problems, setProblems] = useState<Map<number, RowProblem>>(new Map());
  const [justSaved, setJustSaved] = useState<Set<number>>(new Set());
  const gridRef = useRef<HTMLTableElement>(null);
  const save = useSaveEntries(sheet.departmentId, sheet.periodStart);

  const draftFor = useCallback((row: EntrySheetRow) => drafts.get(row.metricId) ?? initialDraft(row), [drafts]);
  const dirtyRows = useMemo(() => sheet.rows.filter((row) => isDirty(row, drafts.get(row.metricId))), [sheet.rows, drafts]);
  const filled = sheet.rows.filter((r) => r.current).length;

  useEffect(() => onDirtyChange(dirtyRows.length > 0), [dirtyRows.length, onDirtyChange]);
  useUnsavedChangesWarning(dirtyRows.length > 0);

  function edit(row: EntrySheetRow, change: Partial<Draft>) {
    setDrafts((prev) => {
      const next = new Map(prev);
      const current = prev.get(row.metricId) ?? initialDraft(row);
      // A new value needs a new confirmation if it is unusual.
      next.set(row.metricId, { ...current, ...change, ...("value" in change ? { confirmUnusual: false } : {}) });
      return next;
    });
    setJustSaved((prev) => (prev.has(row.metricId) ? new Set([...prev].filter((id) => id !== row.metricId)) : prev));
    setProblems((prev) => {
      if (!prev.has(row.metricId)) return prev;
      const next = new Map(prev);
      next.delete(row.metricId);
      return next;
    });
  }

  function focusCell(row: number, col: number) {
    const element = gridRef.current?.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-cell="${row},${col}"]`);
    element?.focus();
    if (element instanceof HTMLInputElement) element.select();
  }

  function onGridKeyDown(event: KeyboardEvent<HTMLTableElement>) {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    const cell = target.dataset?.cell;
    if (!cell || event.altKey || event.ctrlKey || event.metaKey) return;
    const [row, col] = cell.split(",").map(Number) as [number, number];
    const caret =
      target instanceof HTMLInputElement
        ? { atStart: target.selectionStart === 0 && target.selectionEnd === 0, atEnd: target.selectionStart === target.value.length }
        : { atStart: true, atEnd: true };
    const to = nextCell(event.key, event.shiftKey, { row, col }, caret, { rows: sheet.rows.length, cols: COLUMNS.length });
    if (to) {
      event.preventDefault();
      focusCell(to.row, to.col);
    } else if (event.key === "Enter") {
      event.preventDefault(); // Enter on the last row must not submit anything
    }
  }

  const saveAll = useCallback(() => {
    if (save.isPending || readOnly) return;
    if (dirtyRows.length === 0) {
      toast.info("No changes to save");
      return;
    }
    const checked = dirtyRows.map((row) => ({ row, draft: draftFor(row), check: checkDraft(row, draftFor(row)) }));
    const invalid = checked.filter((c) => Object.keys(c.check.fields).length > 0);
    const unusual = checked.filter((c) => c.check.unusual);
    const blank = checked.filter((c) => c.check.value === undefined && Object.keys(c.check.fields).length === 0);
    if (invalid.length || unusual.length) {
      const first = (invalid[0] ?? unusual[0])!;
      focusCell(sheet.rows.indexOf(first.row), 0);
      toast.error(
        invalid.length
          ? `Fix ${plural(invalid.length, "row")} before saving; nothing was saved`
          : `Confirm or correct ${plural(unusual.length, "unusual value")} before saving`,
      );
      return;
    }
    const rows: SaveRow[] = checked
      .filter((c) => !blank.includes(c))
      .map(({ row, draft, check }) => ({
        metricId: row.metricId,
        periodStart: sheet.periodStart,
        value: check.value!,
        sampleSize: draft.sampleSize.trim(),
        source: draft.source,
        note: draft.note.trim(),
        expectedVersion: row.current?.version ?? 0,
        confirmUnusual: draft.confirmUnusual,
      }));
    if (rows.length === 0) {
      toast.info("Enter a value first: sample size, source and note are saved with a value");
      return;
    }
    const started = performance.now();
    save.mutate(rows, {
      onSuccess: (result) => {
        const savedIds = new Set(rows.map((r) => r.metricId));
        // Keep a draft typed while the save was in flight: drop only the drafts that were sent.
        const sent = new Map(checked.map((c) => [c.row.metricId, c.draft]));
        setDrafts((prev) => new Map([...prev].filter(([id, draft]) => sent.get(id) !== draft)));
        setProblems(new Map());
        setJustSaved(savedIds);
        const ms = Math.round(performance.now() - started);
        toast.success(result.saved === 0 ? "Nothing had changed" : `Saved ${plural(result.saved, "figure")}`, {
          description: result.unchanged ? `${result.unchanged} unchanged · ${ms} ms` : `${ms} ms`,
        });
      },
      onError: (error) => {
        if (error instanceof SaveRefused) {
          setProblems(new Map(error.problems.map((p) => [p.metricId, p])));
          const first = error.problems[0];
          if (first) focusCell(sheet.rows.findIndex((r) => r.metricId === first.metricId), 0);
          toast.error(error.message);
        } else {
          toast.error("Could not reach the server; nothing was saved. Your figures are still here: try again.");
        }
      },
    });
  }, [dirtyRows, draftFor, readOnly, save, sheet.periodStart, sheet.rows]);

  // Ctrl/Cmd-S saves, anywhere on the page.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
        event.preventDefault();
        saveAll();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [saveAll]);

  function copyLastPeriod() {
    let copied = 0;
    setDrafts((prev) => {
      const next = new Map(prev);
      for (const row of sheet.rows) {
        if (row.current || !row.previous) continue;
        const draft = next.get(row.metricId) ?? initialDraft(row);
        if (draft.sampleSize.trim() && draft.source === row.previous.source) continue;
        next.set(row.metricId, {
          ...draft,
          sampleSize: draft.sampleSize.trim() || (row.previous.sampleSize != null ? String(row.previous.sampleSize) : ""),
          source: row.previous.source,
        });
        copied++;
      }
      return next;
    });
    toast.info(copied ? `Copied last period's sample size and source into ${plural(copied, "row")}` : "Nothing to copy: every row already has a figure or no last-period figure");
  }

  function discard() {
    setDrafts(new Map());
    setProblems(new Map());
  }

  const missing = sheet.rows.length - filled;
  return (
    <div>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600" data-testid="fill-status">
          <span className="font-semibold text-slate-900">{filled} of {sheet.rows.length}</span> figures entered
          {missing > 0 && <span className="text-amber-800"> · {missing} missing</span>}
        </p>
        {!readOnly && (
          <Button variant="secondary" onClick={copyLastPeriod} type="button">
            Copy last period&apos;s sample sizes and sources
          </Button>
        )}
      </div>
      <p id="grid-keys" className={`mb-2 text-xs text-slate-500 ${readOnly ? "sr-only" : ""}`}>
        Keyboard: Tab moves across, Enter or ↑ ↓ move between rows, ← → at the edge of a cell move across, Ctrl+S saves.
      </p>
      <div className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-xs">
        <table ref={gridRef} onKeyDown={onGridKeyDown} aria-describedby="grid-keys" className="w-full min-w-[64rem] text-sm">
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-2">Touchpoint · metric</th>
              <th scope="col" className="px-2 py-2 text-right">Last period</th>
              <th scope="col" className="px-2 py-2 text-right">Target · warn</th>
              <th scope="col" className="w-40 px-2 py-2">Value</th>
              <th scope="col" className="w-28 px-2 py-2">Sample</th>
              <th scope="col" className="w-36 px-2 py-2">Source</th>
              <th scope="col" className="px-2 py-2">Note</th>
              <th scope="col" className="w-24 px-3 py-2"><span className="sr-only">Status</span></th>
            </tr>
          </thead>
          <tbody>
            {sheet.rows.map((row, index) => (
              <GridRow
                key={row.metricId}
                row={row}
                index={index}
                draft={draftFor(row)}
                dirty={isDirty(row, drafts.get(row.metricId))}
                problem={problems.get(row.metricId)}
                saved={justSaved.has(row.metricId)}
                readOnly={readOnly}
                onEdit={(change) => edit(row, change)}
              />
            ))}
          </tbody>
        </table>
      </div>
      {!readOnly && (
        <div className="sticky bottom-0 mt-4 flex flex-wrap items-center justify-end gap-3 border-t border-slate-200 bg-slate-50/95 py-3 backdrop-blur">
          <p className="mr-auto text-sm text-slate-600" aria-live="polite">
            {dirtyRows.length ? <span className="font-medium text-amber-800">● {plural(dirtyRows.length, "unsaved change")}</span> : "All changes saved"}
          </p>
          <Button variant="ghost" onClick={discard} disabled={!dirtyRows.length || save.isPending} type="button">
            Discard
          </Button>
          <Button onClick={saveAll} disabled={!dirtyRows.length || save.isPending} type="button" aria-keyshortcuts="Control+S">
            {save.isPending ? "Saving…" : "Save"}
            <kbd className="hidden rounded bg-white/20 px-1.5 text-xs sm:inline">Ctrl S</kbd>
          </Button>
        </div>
      )}
    </div>
  );
}

type RowProps = {
  row: EntrySheetRow;
  index: number;
  draft: Draft;
  dirty: boolean;
  problem: RowProblem | undefined;
  saved: boolean;
  readOnly: boolean;
  onEdit: (change: Partial<Draft>) => void;
};

function GridRow({ row, index, draft, dirty, problem, saved, readOnly, onEdit }: RowProps) {
  const check = checkDraft(row, draft);
  const valueError = check.fields.value ?? (problem?.code !== "unusual" ? problem?.fields.value ?? problem?.fields.metricId ?? problem?.fields.periodStart ?? problem?.fields.row : undefined);
  // Shown while the value is unusual, confirmed or not, so the tick stays visible and can be undone.
  const unusual = check.unusual ?? (draft.confirmUnusual ? checkDraft(row, { ...draft, confirmUnusual: false }).unusual : undefined) ?? (problem?.code === "unusual" ? problem.usual : undefined);
  const id = `row-${row.metricId}`;
  const inputClass = "w-full rounded-md border border-slate-300 px-2 py-1.5 tabular-nums aria-invalid:border-red-500 aria-invalid:bg-red-50 disabled:bg-slate-50 disabled:text-slate-600";
  const label = `${row.metricName} (${row.touchpointName})`;

  return (
    <tr className={`border-t border-slate-100 align-top ${dirty ? "bg-amber-50/60" : ""}`} data-testid="entry-row" data-metric={row.metricName}>
      <th scope="row" className="px-4 py-2.5 text-left font-normal">
        <span id={`${id}-name`} className="font-medium text-slate-900">{row.metricName}</span>
        {!row.current && !dirty && <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">Missing</span>}
        <span className="block text-xs text-slate-500">
          {row.touchpointName} · {rangeHint(row)} ·{" "}
          <Link href={`/metrics/${row.metricId}/history`} className="text-brand-dark underline" tabIndex={-1}>
            History
          </Link>
        </span>
      </th>
      <td className="px-2 py-2.5 text-right tabular-nums text-slate-600">{formatValue(row.previous?.value, row.unit)}</td>
      <td className="px-2 py-2.5 text-right tabular-nums text-slate-600">
        {formatValue(row.target, row.unit)}
        {row.warningThreshold !== null && <span className="block text-xs text-slate-400">warn {formatValue(row.warningThreshold, row.unit)}</span>}
      </td>
      <td className="px-2 py-2">
        <input
          data-cell={`${index},0`}
          disabled={readOnly}
          aria-label={`${label} value`}
          inputMode={row.kind === "DURATION" ? "text" : "decimal"}
          autoComplete="off"
          value={draft.value}
          onChange={(e) => onEdit({ value: e.target.value })}
          aria-invalid={valueError || (unusual && !draft.confirmUnusual) ? true : undefined}
          aria-describedby={valueError || unusual ? `${id}-value-msg` : undefined}
          className={inputClass}
        />
        {valueError && <p id={`${id}-value-msg`} className="mt-1 text-xs text-red-700">{valueError}</p>}
        {!valueError && unusual && (
          <div id={`${id}-value-msg`} className="mt-1 rounded border border-amber-300 bg-amber-50 p-1.5 text-xs text-amber-900">
            Unusual: usually {formatValue(Math.round(unusual.low * 100) / 100, row.unit)} to {formatValue(Math.round(unusual.high * 100) / 100, row.unit)}.
            <label className="mt-1 flex items-center gap-1.5 font-medium">
              <input type="checkbox" checked={draft.confirmUnusual} onChange={(e) => onEdit({ confirmUnusual: e.target.checked })} />
              This figure is right
            </label>
          </div>
        )}
        {problem?.code === "conflict" && (
          <p className="mt-1 text-xs text-slate-600">Save again to replace their figure with yours, or Discard to keep theirs.</p>
        )}
      </td>
      <td className="px-2 py-2">
        <input
          data-cell={`${index},1`}
          disabled={readOnly}
          aria-label={`${label} sample size`}
          inputMode="numeric"
          autoComplete="off"
          value={draft.sampleSize}
          onChange={(e) => onEdit({ sampleSize: e.target.value })}
          aria-invalid={check.fields.sampleSize ? true : undefined}
          className={inputClass}
        />
        {check.fields.sampleSize && <p className="mt-1 text-xs text-red-700">{check.fields.sampleSize}</p>}
      </td>
      <td className="px-2 py-2">
        <select
          data-cell={`${index},2`}
          disabled={readOnly}
          aria-label={`${label} source`}
          value={draft.source}
          onChange={(e) => onEdit({ source: e.target.value as Draft["source"] })}
          className="w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 disabled:bg-slate-50 disabled:text-slate-600"
        >
          {SOURCES.map((s) => (
            <option key={s} value={s}>{formatSource(s)}</option>
          ))}
        </select>
      </td>
      <td className="px-2 py-2">
        <input
          data-cell={`${index},3`}
          disabled={readOnly}
          aria-label={`${label} note`}
          autoComplete="off"
          value={draft.note}
          onChange={(e) => onEdit({ note: e.target.value })}
          aria-invalid={check.fields.note ? true : undefined}
          className={inputClass}
        />
        {check.fields.note && <p className="mt-1 text-xs text-red-700">{check.fields.note}</p>}
      </td>
      <td className="px-3 py-2.5 text-xs">
        {problem ? <span className="font-medium text-red-700">✕ Not saved</span> : dirty ? <span className="font-medium text-amber-800">● Unsaved</span> : saved ? <span className="text-band-good-ink">✓ Saved</span> : null}
      </td>
    </tr>
  );
}
