"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import type { EventPreferences, Recipient } from "@/lib/data/notification-preferences";
import { ROLE_LABELS, type Role } from "@/lib/domain";
import { PREFERENCE_CHANNEL_LABELS, PREFERENCE_EVENT_LABELS, PREFERENCE_EVENTS, type PreferenceEvent } from "@/lib/notifications/preferences";

/** ?role= as a select: each choice is a link, so a filtered view can be shared. */
export function RoleFilter({ role }: { role?: Role }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <form role="search" aria-label="Filter people" aria-busy={pending} className="flex items-end gap-3 text-sm" onSubmit={(e) => e.preventDefault()}>
      <div>
        <label htmlFor="recipients-role" className="mb-1 block font-medium text-slate-700">Role</label>
        <select
          id="recipients-role"
          className="block w-56 max-w-full rounded-md border border-slate-300 bg-white px-3 py-2"
          value={role ?? ""}
          onChange={(e) => startTransition(() => router.push(`/admin/recipients${e.target.value ? `?role=${e.target.value}` : ""}`))}
        >
          <option value="">All roles</option>
          {(Object.keys(ROLE_LABELS) as Role[]).map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
        </select>
      </div>
      <p role="status" className="pb-2 text-slate-500">{pending ? "Filtering…" : ""}</p>
    </form>
  );
}

/** The channels an event reaches a person on, each marked when it is their role's default; "None", or "Department heads only". */
function Channels({ preferences }: { preferences: EventPreferences | undefined }) {
  if (!preferences) return <span className="text-slate-400">Department heads only</span>;
  const on = preferences.channels.filter((c) => c.enabled);
  if (on.length === 0) {
    return <span className="text-slate-500">None{preferences.channels.every((c) => c.isDefault) && <span className="ml-1 rounded-sm border border-dashed border-slate-400 px-1 text-xs">default</span>}</span>;
  }
  return (
    <ul className="flex flex-wrap gap-1">
      {on.map((c) => (
        <li key={c.channel} className={`whitespace-nowrap rounded-sm px-1.5 text-xs ${c.isDefault ? "border border-dashed border-slate-400" : "bg-brand/10 font-medium text-brand-dark"}`}>
          {PREFERENCE_CHANNEL_LABELS[c.channel]}
          {c.isDefault && <span className="text-slate-500"> · default</span>}
        </li>
      ))}
    </ul>
  );
}

function Follows({ person }: { person: Recipient }) {
  if (person.touchpoints.length === 0 && person.journeys.length === 0) return <span className="text-slate-500">Nothing</span>;
  return (
    <ul className="space-y-0.5">
      {person.journeys.length > 0 && <li><span className="text-slate-500">Journeys:</span> {person.journeys.map((j) => j.name).join(", ")}</li>}
      {person.touchpoints.length > 0 && <li><span className="text-slate-500">Touchpoints:</span> {person.touchpoints.map((t) => t.name).join(", ")}</li>}
    </ul>
  );
}

const eventOf = (person: Recipient, event: PreferenceEvent) => person.events.find((e) => e.event === event);

/**
 * Each active person with the channels each event reaches them on and what they follow: a table
 * from sm up, one card per person on a phone (the hidden one is out of the accessibility tree).
 */
export function RecipientsTable({ people }: { people: Recipient[] }) {
  return (
    <>
      <div className="hidden overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-xs sm:block">
        <table className="w-full text-sm" data-testid="recipients-table">
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-2">Person</th>
              {PREFERENCE_EVENTS.map((e) => <th key={e} scope="col" className="px-3 py-2">{PREFERENCE_EVENT_LABELS[e].name}</th>)}
              <th scope="col" className="px-3 py-2">Follows</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.id} className="border-t border-slate-100 align-top" data-testid="recipient-row">
                <th scope="row" className="px-4 py-2 text-left font-medium">
                  {p.name}
                  <span className="block text-xs font-normal text-slate-500">{ROLE_LABELS[p.role]}</span>
                </th>
                {PREFERENCE_EVENTS.map((e) => <td key={e} className="px-3 py-2"><Channels preferences={eventOf(p, e)} /></td>)}
                <td className="px-3 py-2"><Follows person={p} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="space-y-3 sm:hidden" aria-label="People and what they get">
        {people.map((p) => (
          <li key={p.id} className="rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-xs" data-testid="recipient-card">
            <p className="font-medium">{p.name} <span className="font-normal text-slate-500">· {ROLE_LABELS[p.role]}</span></p>
            <dl className="mt-2 grid grid-cols-[7.5rem_1fr] gap-x-3 gap-y-2">
              {PREFERENCE_EVENTS.map((e) => (
                <div key={e} className="contents">
                  <dt className="text-slate-500">{PREFERENCE_EVENT_LABELS[e].name}</dt>
                  <dd><Channels preferences={eventOf(p, e)} /></dd>
                </div>
              ))}
              <dt className="text-slate-500">Follows</dt>
              <dd><Follows person={p} /></dd>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
