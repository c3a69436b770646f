"use client";

import { useState, type FormEvent } from "react";
import { createInvitationAction, revokeInvitationAction } from "@/app/(app)/admin/people/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ShownOnceSecret } from "@/components/ui/shown-once-secret";
import type { InvitationSummary } from "@/lib/data/invitations";
import { ROLE_LABELS, type Role } from "@/lib/domain";
import { formatDateTime } from "@/lib/format";
import { INVITATION_DAYS } from "@/lib/validation/invitations";
import { useAdminAction } from "./use-admin-action";

const ROLES = Object.entries(ROLE_LABELS) as [Role, string][];

/** Invite someone by email, see the one-time link once, and withdraw invitations not yet used. */
export function InvitationsPanel({ invitations, departments }: { invitations: InvitationSummary[]; departments: { id: number; name: string }[] }) {
  const { pending, run } = useAdminAction();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<{ email: string; link: string } | null>(null);
  const [role, setRole] = useState<Role>("DEPARTMENT_HEAD");
  const nameOf = new Map(departments.map((d) => [d.id, d.name]));

  function onInvite(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const input = { email: data.get("email"), role: data.get("role"), departmentIds: data.getAll("departmentIds") };
    run(() => createInvitationAction(input), {
      success: `Invitation made for ${String(input.email).trim()}`,
      onError: (failure) => setErrors(failure.fields ?? { form: failure.message }),
      onSuccess: (invitation) => {
        setErrors({});
        setCreated({ email: invitation.email, link: invitation.link });
        form.reset();
        setRole("DEPARTMENT_HEAD");
      },
    });
  }

  function onRevoke(invitation: InvitationSummary) {
    if (!window.confirm(`Withdraw the invitation for ${invitation.email}? Its link stops working at once.`)) return;
    run(() => revokeInvitationAction({ id: invitation.id }), { success: `Withdrew the invitation for ${invitation.email}` });
  }

  return (
    <section aria-labelledby="invite-heading" className="space-y-4">
      <h2 id="invite-heading" className="text-base font-semibold">Invite someone</h2>
      <form onSubmit={onInvite} aria-label="Invite someone" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-xs" noValidate>
        <div className="flex flex-wrap items-start gap-3">
          <Field label="Email address" name="email" type="email" autoComplete="off" placeholder="name@example.com" error={errors.email} className="min-w-64 flex-1" required />
          <div className="text-sm">
            <label htmlFor="invite-role" className="mb-1 block font-medium text-slate-700">Role</label>
            <select id="invite-role" name="role" value={role} onChange={(e) => setRole(e.target.value as Role)} className="rounded-md border border-slate-300 bg-white px-3 py-2">
              {ROLES.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
            </select>
          </div>
        </div>
        <fieldset className="text-sm" aria-describedby={errors.departmentIds ? "invite-departments-error" : undefined}>
          <legend className="mb-1 font-medium text-slate-700">
            Departments {role === "DEPARTMENT_HEAD" ? <span className="font-normal text-slate-500">(the ones they will enter figures for)</span> : <span className="font-normal text-slate-500">(optional)</span>}
          </legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {departments.map((d) => (
              <label key={d.id} className="inline-flex items-center gap-1.5 whitespace-nowrap">
                <input type="checkbox" name="departmentIds" value={d.id} className="accent-brand" />
                {d.name}
              </label>
            ))}
            {departments.length === 0 && <p className="text-slate-500">No departments yet: add them under Departments first.</p>}
          </div>
          {errors.departmentIds && <p id="invite-departments-error" className="mt-1 text-xs text-red-700">{errors.departmentIds}</p>}
        </fieldset>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={pending}>{pending ? "Making the link…" : "Make invitation link"}</Button>
          <p className="text-xs text-slate-500">The link works once and for {INVITATION_DAYS} days. Send it to them yourself: Touchline sends no email.</p>
        </div>
        {errors.form && <p role="alert" className="text-sm text-red-700">{errors.form}</p>}
      </form>

      {created && (
        <ShownOnceSecret title={`Invitation link for ${created.email}.`} value={created.link} label="Invitation link" noun="Link" testId="new-invitation" onDone={() => setCreated(null)} />
      )}

      {invitations.length > 0 && (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-xs">
          <table className="w-full min-w-[36rem] text-sm" data-testid="invitations-table">
            <caption className="px-4 pt-3 text-left text-sm font-medium text-slate-700">Open invitations</caption>
            <thead className="text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-2">Email</th>
                <th scope="col" className="px-3 py-2">Role and departments</th>
                <th scope="col" className="px-3 py-2">Invited</th>
                <th scope="col" className="px-3 py-2">Link</th>
                <th scope="col" className="px-3 py-2"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((i) => (
                <tr key={i.id} className="border-t border-slate-100" data-testid="invitation-row">
                  <th scope="row" className="px-4 py-2 text-left font-medium">{i.email}</th>
                  <td className="px-3 py-2">
                    {ROLE_LABELS[i.role]}
                    {i.departmentIds.length > 0 && <span className="block text-xs text-slate-500">{i.departmentIds.map((id) => nameOf.get(id) ?? "an archived department").join(", ")}</span>}
                  </td>
                  <td className="px-3 py-2 text-slate-600">{formatDateTime(new Date(i.createdAt))}{i.invitedBy && <span className="block text-xs text-slate-500">by {i.invitedBy}</span>}</td>
                  <td className="px-3 py-2">
                    {i.status === "expired"
                      ? <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700">Expired: invite again</span>
                      : <span className="text-slate-600">Valid until {formatDateTime(new Date(i.expiresAt))}</span>}
                  </td>
                  <td className="px-3 py-2 text-right">
                    <Button variant="ghost" disabled={pending} onClick={() => onRevoke(i)}>Withdraw<span className="sr-only"> the invitation for {i.email}</span></Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
