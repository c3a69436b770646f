"use client";

import { useState, type FormEvent } from "react";
import { setPersonActiveAction, updatePersonAction } from "@/app/(app)/admin/people/actions";
import { Button } from "@/components/ui/button";
import { PersonDetails } from "./person-details";
import { useAdminAction } from "./use-admin-action";
import type { Person } from "@/lib/data/people";
import { ROLE_LABELS, type Role } from "@/lib/domain";

const ROLES = Object.entries(ROLE_LABELS) as [Role, string][];

const sessionsNote = (n: number) => (n === 0 ? "" : `; signed them out (${n} ${n === 1 ? "session" : "sessions"})`);
const linksNote = (n: number) => (n === 0 ? "" : `; revoked ${n} share ${n === 1 ? "link" : "links"} to touchpoints they can no longer share`);
const keysNote = (n: number) => (n === 0 ? "" : `; revoked ${n} API ${n === 1 ? "key" : "keys"} they made for departments they no longer run`);

/** Each person's role and departments, and whether they can sign in. */
export function PeopleManager({ people, departments, currentUserId }: { people: Person[]; departments: { id: number; name: string }[]; currentUserId: number }) {
  const { pending, run } = useAdminAction();
  const [errors, setErrors] = useState<{ id: number; message: string } | null>(null);
  const nameOf = new Map(departments.map((d) => [d.id, d.name]));

  function onSave(event: FormEvent<HTMLFormElement>, person: Person) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input = { id: person.id, role: data.get("role"), departmentIds: data.getAll("departmentIds") };
    run(() => updatePersonAction(input), {
      success: ({ revokedApiKeys, revokedShareLinks, endedSessions }) => `Saved ${person.name}${sessionsNote(endedSessions)}${keysNote(revokedApiKeys)}${linksNote(revokedShareLinks)}`,
      onError: (failure) => setErrors({ id: person.id, message: failure.fields?.departmentIds ?? failure.message }),
      onSuccess: () => setErrors(null),
    });
  }

  function onToggle(person: Person) {
    if (person.active && !window.confirm(`Deactivate ${person.name}? They are signed out everywhere at once and cannot sign in until reactivated.`)) return;
    run(() => setPersonActiveAction({ id: person.id }, !person.active), {
      success: ({ revokedApiKeys, revokedShareLinks, endedSessions }) => `${person.active ? "Deactivated" : "Reactivated"} ${person.name}${sessionsNote(endedSessions)}${keysNote(revokedApiKeys)}${linksNote(revokedShareLinks)}`,
      onError: (failure) => setErrors({ id: person.id, message: failure.message }),
      onSuccess: () => setErrors(null),
    });
  }

  return (
    <ul className="space-y-3">
      {people.map((person) => (
        <li key={person.id} className={`rounded-xl border border-slate-200 bg-white p-4 shadow-xs ${person.active ? "" : "opacity-75"}`} data-testid="person">
          <form onSubmit={(e) => onSave(e, person)} aria-label={`${person.name}'s access`} className="flex flex-wrap items-start gap-x-6 gap-y-3" noValidate>
            <div className="min-w-48 flex-1">
              <p className="font-medium">
                {person.name}
                {person.id === currentUserId && <span className="ml-2 text-xs font-normal text-slate-500">(you)</span>}
                {!person.active && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal">Deactivated</span>}
              </p>
              <p className="text-sm text-slate-600">{person.email}</p>
              {person.departmentIds.length > 0 && <p className="text-xs text-slate-500">{person.departmentIds.map((id) => nameOf.get(id) ?? "an archived department").sort().join(", ")}</p>}
            </div>
            <div className="text-sm">
              <label htmlFor={`role-${person.id}`} className="mb-1 block font-medium text-slate-700">Role</label>
              <select id={`role-${person.id}`} name="role" defaultValue={person.role} className="rounded-md border border-slate-300 bg-white px-3 py-2">
                {ROLES.map(([role, label]) => <option key={role} value={role}>{label}</option>)}
              </select>
            </div>
            <fieldset className="text-sm">
              <legend className="mb-1 font-medium text-slate-700">Departments</legend>
              <div className="grid max-h-32 grid-cols-2 gap-x-4 gap-y-1 overflow-y-auto pr-2">
                {departments.map((d) => (
                  <label key={d.id} className="inline-flex items-center gap-1.5 whitespace-nowrap">
                    <input type="checkbox" name="departmentIds" value={d.id} defaultChecked={person.departmentIds.includes(d.id)} className="accent-brand" />
                    {d.name}
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="flex gap-2 self-end">
              <Button type="submit" disabled={pending}>Save<span className="sr-only"> {person.name}</span></Button>
              {person.id !== currentUserId && (
                <Button type="button" variant="secondary" disabled={pending} onClick={() => onToggle(person)}>
                  {person.active ? "Deactivate" : "Reactivate"}<span className="sr-only"> {person.name}</span>
                </Button>
              )}
            </div>
            {errors?.id === person.id && <p role="alert" className="w-full text-sm text-red-700">{errors.message}</p>}
          </form>
          <PersonDetails person={person} />
        </li>
      ))}
    </ul>
  );
}
