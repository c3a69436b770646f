"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import type { ImportPreview, ImportProblem, ImportResult } from "@/lib/data/import";
import { CsvReadError, postJson, readCsv, type CsvRows } from "./read-csv";

type Stage =
  | { step: "idle" }
  | { step: "reading"; progress: number }
  | { step: "checking"; progress: number }
  | { step: "preview"; preview: ImportPreview }
  | { step: "importing"; preview: ImportPreview; progress: number }
  | { step: "done"; result: ImportResult }
  | { step: "failed"; message: string; problems?: ImportProblem[]; problemCount?: number };

const n = (x: number) => x.toLocaleString("en-GB");
const lines = (x: number) => `${n(x)} line${x === 1 ? "" : "s"}`;

/** Upload → preview (every problem with its line) → import everything, or only the valid lines. */
export function CsvImport({ departments }: { departments: { id: number; name: string }[] }) {
  const [stage, setStage] = useState<Stage>({ step: "idle" });
  const [fileName, setFileName] = useState("");
  const file = useRef<CsvRows>({ rows: [], lines: [] });
  const input = useRef<HTMLInputElement>(null);
  const queryClient = useQueryClient();

  async function onFile(chosen: File | undefined) {
    if (!chosen) return;
    setFileName(chosen.name);
    setStage({ step: "reading", progress: 0 });
    try {
      file.current = await readCsv(chosen, (progress) => setStage({ step: "reading", progress }));
      setStage({ step: "checking", progress: 0 });
      const answer = await postJson<ImportPreview & { error?: string }>("/api/import", { mode: "preview", ...file.current }, (progress) =>
        setStage({ step: "checking", progress }),
      );
      if (answer.status !== 200) return setStage({ step: "failed", message: answer.body.error ?? "The file could not be checked." });
      setStage({ step: "preview", preview: answer.body });
    } catch (error) {
      setStage({ step: "failed", message: error instanceof CsvReadError || error instanceof Error ? error.message : "The file could not be read." });
    }
  }

  async function runImport(preview: ImportPreview, mode: "all" | "valid") {
    setStage({ step: "importing", preview, progress: 0 });
    try {
      const answer = await postJson<ImportResult & { error?: string; problems?: ImportProblem[]; problemCount?: number }>(
        "/api/import",
        { mode, ...file.current },
        (progress) => setStage({ step: "importing", preview, progress }),
      );
      if (answer.status !== 200) {
        return setStage({ step: "failed", message: answer.body.error ?? "Nothing was imported.", problems: answer.body.problems, problemCount: answer.body.problemCount });
      }
      setStage({ step: "done", result: answer.body });
      toast.success(`Imported ${lines(answer.body.saved)}`);
      void queryClient.invalidateQueries({ queryKey: ["entry-sheet"] });
    } catch (error) {
      setStage({ step: "failed", message: error instanceof Error ? error.message : "Nothing was imported." });
    }
  }

  function reset() {
    file.current = { rows: [], lines: [] };
    setFileName("");
    setStage({ step: "idle" });
    if (input.current) input.current.value = "";
  }

  const busy = stage.step === "reading" || stage.step === "checking" || stage.step === "importing";
  return (
    <div className="space-y-6">
      <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-xs">
        <h2 className="font-semibold">1. Start from the template</h2>
        <p className="mt-1 text-sm text-slate-600">
          One line per metric and period: <code>department, touchpoint, metric, metric_id, period, value, sample_size, source, note</code>.
          Name the metric by <code>metric_id</code> or by department, touchpoint and metric. Periods are <code>YYYY-MM-DD</code>.
        </p>
        <div className="mt-3 flex flex-wrap gap-2">
          {departments.map((d) => (
            <a key={d.id} href={`/api/import/template?department=${d.id}`} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50" download>
              Template for {d.name}
            </a>
          ))}
        </div>
      </section>

      <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-xs">
        <h2 className="font-semibold">2. Choose your file</h2>
        <label className="mt-3 block text-sm">
          <span className="mb-1 block font-medium text-slate-700">CSV file (UTF-8)</span>
          <input
            ref={input}
            type="file"
            accept=".csv,text/csv"
            disabled={busy}
            onChange={(e) => onFile(e.target.files?.[0])}
            className="block text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm"
          />
        </label>
        {(stage.step === "reading" || stage.step === "checking" || stage.step === "importing") && (
          <Progress
            label={stage.step === "reading" ? `Reading ${fileName}` : stage.step === "checking" ? "Checking every line" : "Importing"}
            share={stage.progress}
          />
        )}
      </section>

      {stage.step === "failed" && (
        <section role="alert" className="rounded-xl border border-red-200 bg-red-50 p-5 text-sm text-red-900">
          <p className="font-semibold">{stage.message}</p>
          {stage.problems && <ProblemList problems={stage.problems} total={stage.problemCount ?? stage.problems.length} />}
          <Button variant="secondary" className="mt-3" onClick={reset}>Choose another file</Button>
        </section>
      )}

      {(stage.step === "preview" || stage.step === "importing") && (
        <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-xs" data-testid="import-preview">
          <h2 className="font-semibold">3. Check and import</h2>
          <p className="mt-1 text-sm text-slate-700">
            {fileName}: {lines(stage.preview.total)} read. <strong>{lines(stage.preview.valid)} ready</strong> ({n(stage.preview.changes.created)} new,{" "}
            {n(stage.preview.changes.changed)} changed, {n(stage.preview.changes.unchanged)} unchanged)
            {stage.preview.problemCount > 0 && (
              <>
                , <strong className="text-red-700">{lines(stage.preview.problemCount)} with problems</strong>
              </>
            )}
            .
          </p>
          {stage.preview.problemCount > 0 && (
            <>
              <ProblemList problems={stage.preview.problems} total={stage.preview.problemCount} />
              <p className="mt-3 text-sm text-slate-600">Nothing is imported while a line has a problem, unless you choose to import only the valid lines.</p>
            </>
          )}
          <div className="mt-4 flex flex-wrap gap-2">
            {stage.preview.problemCount === 0 ? (
              <Button onClick={() => runImport(stage.preview, "all")} disabled={busy || stage.preview.valid === 0}>
                Import {lines(stage.preview.valid)}
              </Button>
            ) : (
              <Button onClick={() => runImport(stage.preview, "valid")} disabled={busy || stage.preview.valid === 0}>
                Import only the {lines(stage.preview.valid)} without problems
              </Button>
            )}
            <Button variant="ghost" onClick={reset} disabled={busy}>Cancel</Button>
          </div>
        </section>
      )}

      {stage.step === "done" && (
        <section role="status" className="rounded-xl border border-band-good/40 bg-band-good/5 p-5 text-sm" data-testid="import-result">
          <p className="font-semibold">
            Imported {fileName}: {n(stage.result.saved)} {stage.result.saved === 1 ? "figure" : "figures"} saved, {n(stage.result.unchanged)} unchanged
            {stage.result.skipped > 0 && `, ${lines(stage.result.skipped)} skipped`}.
          </p>
          <Button variant="secondary" className="mt-3" onClick={reset}>Import another file</Button>
        </section>
      )}
    </div>
  );
}

function Progress({ label, share }: { label: string; share: number }) {
  const percent = Math.round(share * 100);
  return (
    <div className="mt-4" aria-live="polite">
      <div className="mb-1 flex justify-between text-xs text-slate-600">
        <span>{label}…</span>
        <span>{percent}%</span>
      </div>
      <div role="progressbar" aria-label={label} aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100} className="h-2 overflow-hidden rounded-full bg-slate-200">
        <div className="h-full bg-brand transition-[width]" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

function ProblemList({ problems, total }: { problems: ImportProblem[]; total: number }) {
  return (
    <div className="mt-3 max-h-80 overflow-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm" data-testid="import-problems">
        <thead className="sticky top-0 bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="w-20 px-3 py-2">Line</th>
            <th scope="col" className="px-3 py-2">Problem</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p) => (
            <tr key={`${p.line}-${p.message}`} className="border-t border-slate-100">
              <td className="px-3 py-1.5 tabular-nums">{p.line}</td>
              <td className="px-3 py-1.5 text-slate-800">{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > problems.length && <p className="px-3 py-2 text-xs text-slate-500">…and {n(total - problems.length)} more.</p>}
    </div>
  );
}
