"use client";

type Props = {
  departments: { id: number; name: string }[];
  departmentId: number;
  periods: { key: string; label: string }[];
  periodKey: string;
  busy: boolean;
  onDepartment: (id: number) => void;
  onPeriod: (key: string) => void;
};

/** Department and period pickers. */
export function EntryFilters({ departments, departmentId, periods, periodKey, busy, onDepartment, onPeriod }: Props) {
  const selectClass = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";
  return (
    <div className="flex flex-wrap items-end gap-3" aria-busy={busy}>
      {departments.length > 1 && (
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-700">Department</span>
          <select className={selectClass} value={departmentId} onChange={(e) => onDepartment(Number(e.target.value))}>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>{d.name}</option>
            ))}
          </select>
        </label>
      )}
      <label className="text-sm">
        <span className="mb-1 block font-medium text-slate-700">Period</span>
        <select className={selectClass} value={periodKey} onChange={(e) => onPeriod(e.target.value)}>
          {periods.map((p) => (
            <option key={p.key} value={p.key}>{p.label}</option>
          ))}
        </select>
      </label>
    </div>
  );
}
