"use client";

import { useState, type FormEvent } from "react";
import { archiveDepartmentAction, createDepartmentAction, restoreDepartmentAction, updateDepartmentAction } from "@/app/(app)/admin/departments/actions";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions";
import { useAdminAction } from "./use-admin-action";
import { Field } from "@/components/ui/field";
import type { AdminDepartment } from "@/lib/data/departments";
import { MAX_DEPARTMENT_NAME } from "@/lib/validation/departments";

/** Okabe–Ito colours: distinguishable with colour-vision deficiencies; the first unused is offered. */
const PALETTE = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#f0e442", "#000000"];

/** Create, rename, recolour, archive and restore departments. */
export function DepartmentsManager({ departments }: { departments: AdminDepartment[] }) {
  const { pending, run } = useAdminAction();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [editing, setEditing] = useState<number | null>(null);
  const suggested = PALETTE.find((c) => !departments.some((d) => d.colour === c)) ?? PALETTE[0];

  const submit = <T,>(action: () => Promise<ActionResult<T>>, success: string, after?: () => void) =>
    run(action, {
      success,
      onError: (failure) => setErrors(failure.fields ?? { form: failure.message }),
      onSuccess: () => {
        setErrors({});
        after?.();
      },
    });

  function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = Object.fromEntries(new FormData(form));
    submit(() => createDepartmentAction(data), `Created ${String(data.name).trim()}`, () => form.reset());
  }

  function onUpdate(event: FormEvent<HTMLFormElement>, id: number) {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.currentTarget));
    submit(() => updateDepartmentAction({ ...data, id }), `Saved ${String(data.name).trim()}`, () => setEditing(null));
  }

  return (
    <div className="space-y-6">
      <form onSubmit={onCreate} className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-xs" noValidate>
        <Field label="New department" name="name" placeholder="e.g. Pastry" maxLength={MAX_DEPARTMENT_NAME} error={editing === null ? errors.name : undefined} className="min-w-64 flex-1" required />
        <div>
          <label htmlFor="new-colour" className="mb-1 block text-sm font-medium text-slate-700">Colour</label>
          <input id="new-colour" name="colour" type="color" defaultValue={suggested} className="h-9 w-14 cursor-pointer rounded-md border border-slate-300 bg-white p-1" />
        </div>
        <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Add department"}</Button>
        {errors.form && editing === null && <p role="alert" className="w-full text-sm text-red-700">{errors.form}</p>}
      </form>

      <div className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-xs">
        <table className="w-full min-w-[40rem] text-sm" data-testid="departments-table">
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-2">Department</th>
              <th scope="col" className="px-3 py-2 text-right">Active touchpoints</th>
              <th scope="col" className="px-3 py-2 text-right">Members</th>
              <th scope="col" className="px-3 py-2"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {departments.map((d) => (
              <tr key={d.id} className={`border-t border-slate-100 ${d.archived ? "text-slate-500" : ""}`} data-testid="department-row">
                <th scope="row" className="px-4 py-2 text-left font-medium">
                  {editing === d.id ? (
                    <form onSubmit={(e) => onUpdate(e, d.id)} className="flex flex-wrap items-end gap-2" noValidate>
                      <Field label={`Name of ${d.name}`} name="name" defaultValue={d.name} maxLength={MAX_DEPARTMENT_NAME} error={errors.name} className="min-w-48 flex-1" autoFocus />
                      <div>
                        <label htmlFor={`colour-${d.id}`} className="mb-1 block text-sm font-medium text-slate-700">Colour</label>
                        <input id={`colour-${d.id}`} name="colour" type="color" defaultValue={d.colour} className="h-9 w-14 cursor-pointer rounded-md border border-slate-300 bg-white p-1" />
                      </div>
                      <Button type="submit" disabled={pending}>Save</Button>
                      <Button type="button" variant="ghost" onClick={() => { setEditing(null); setErrors({}); }}>Cancel</Button>
                    </form>
                  ) : (
                    <span className="flex items-center gap-2">
                      <span aria-hidden="true" className="h-3 w-3 shrink-0 rounded-full ring-1 ring-slate-300" style={{ backgroundColor: d.colour }} />
                      {d.name}
                      {d.archived && <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal">Archived</span>}
                    </span>
                  )}
                </th>
                <td className="px-3 py-2 text-right tabular-nums">{d.activeTouchpoints}</td>
                <td className="px-3 py-2 text-right tabular-nums">{d.members}</td>
                <td className="px-3 py-2 text-right whitespace-nowrap">
                  {editing !== d.id && !d.archived && (
                    <>
                      <Button variant="ghost" onClick={() => { setEditing(d.id); setErrors({}); }} disabled={pending}>Edit<span className="sr-only"> {d.name}</span></Button>
                      <Button variant="secondary" onClick={() => submit(() => archiveDepartmentAction({ id: d.id }), `Archived ${d.name}`)} disabled={pending}>
                        Archive<span className="sr-only"> {d.name}</span>
                      </Button>
                    </>
                  )}
                  {d.archived && (
                    <Button variant="secondary" onClick={() => submit(() => restoreDepartmentAction({ id: d.id }), `Restored ${d.name}`)} disabled={pending}>
                      Restore<span className="sr-only"> {d.name}</span>
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
