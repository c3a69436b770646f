"use client";

import { usePathname, useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { toast } from "sonner";
import { createApiKeyAction, revokeApiKeyAction } from "@/app/(app)/entry/api-keys/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ShownOnceSecret } from "@/components/ui/shown-once-secret";
import type { ApiKeySummary } from "@/lib/data/api-keys";
import { formatDateTime } from "@/lib/format";
import { callAction } from "@/lib/call-action";

type Props = {
  departments: { id: number; name: string }[];
  department: { id: number; name: string };
  keys: ApiKeySummary[];
};

export function ApiKeysManager({ departments, department, keys }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const [nameError, setNameError] = useState<string>();
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);

  function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get("name") ?? "");
    startTransition(async () => {
      const result = await callAction(() => createApiKeyAction({ departmentId: department.id, name }));
      if (!result.ok) {
        setNameError(result.fields?.name ?? result.message);
        return;
      }
      setNameError(undefined);
      setCreated({ name: result.data.name, key: result.data.key });
      form.reset();
      router.refresh();
    });
  }

  function onRevoke(key: ApiKeySummary) {
    if (!window.confirm(`Revoke “${key.name}” (${key.prefix}…)? Systems using it will be refused at once.`)) return;
    startTransition(async () => {
      const result = await callAction(() => revokeApiKeyAction({ id: key.id }));
      if (result.ok) toast.success(`Revoked “${key.name}”`);
      else toast.error(result.message);
      router.refresh();
    });
  }

  return (
    <div className="space-y-6">
      {departments.length > 1 && (
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">Department</span>
          <select
            className="rounded-md border border-slate-300 bg-white px-3 py-2"
            value={department.id}
            onChange={(e) => router.push(`${pathname}?department=${e.target.value}`)}
          >
            {departments.map((d) => (
              <option key={d.id} value={d.id}>{d.name}</option>
            ))}
          </select>
        </label>
      )}

      <form onSubmit={onCreate} className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-xs">
        <Field label="New key for" name="name" placeholder="e.g. Kitchen display system" maxLength={80} error={nameError} className="min-w-64 flex-1" />
        <Button type="submit" disabled={pending}>{pending ? "Creating…" : "Create key"}</Button>
      </form>

      {created && (
        <ShownOnceSecret title={`Key “${created.name}” created.`} value={created.key} label="New API key" noun="Key" testId="new-api-key" onDone={() => setCreated(null)} />
      )}

      {keys.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-8 text-center text-sm text-slate-600">
          {department.name} has no API keys yet.
        </p>
      ) : (
        <div className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-xs">
          <table className="w-full min-w-[40rem] text-sm">
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-2">Name</th>
                <th scope="col" className="px-3 py-2">Key</th>
                <th scope="col" className="px-3 py-2">Created</th>
                <th scope="col" className="px-3 py-2">Last used</th>
                <th scope="col" className="px-3 py-2"><span className="sr-only">Status</span></th>
              </tr>
            </thead>
            <tbody>
              {keys.map((key) => (
                <tr key={key.id} className="border-t border-slate-100" data-testid="api-key-row">
                  <th scope="row" className="px-4 py-2 text-left font-medium">{key.name}</th>
                  <td className="px-3 py-2 font-mono text-xs">{key.prefix}…</td>
                  <td className="px-3 py-2">
                    {formatDateTime(key.createdAt)}
                    {key.createdBy && <span className="block text-xs text-slate-500">by {key.createdBy}</span>}
                  </td>
                  <td className="px-3 py-2">{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : "Never"}</td>
                  <td className="px-3 py-2 text-right">
                    {key.revokedAt ? (
                      <span className="text-xs text-slate-500">Revoked {formatDateTime(key.revokedAt)}</span>
                    ) : (
                      <Button variant="secondary" onClick={() => onRevoke(key)} disabled={pending}>Revoke</Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
