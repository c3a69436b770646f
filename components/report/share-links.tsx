"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { toast } from "sonner";
import { createShareLinkAction, revokeShareLinkAction } from "@/app/(app)/touchpoints/[id]/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ShownOnceSecret } from "@/components/ui/shown-once-secret";
import type { ShareLinkSummary } from "@/lib/data/share-links";
import type { PeriodGranularity } from "@/lib/domain";
import { formatDateTime } from "@/lib/format";
import { formatPeriod, parsePeriodKey } from "@/lib/periods";
import { DEFAULT_SHARE_EXPIRY, MAX_LABEL_LENGTH } from "@/lib/validation/share-link";
import { callAction } from "@/lib/call-action";

type Props = {
  touchpointId: number;
  granularity: PeriodGranularity;
  touchpointName: string;
  /** The range the report shows now, offered as the fixed range. */
  range: { from: { key: string; label: string }; to: { key: string; label: string } };
  links: ShareLinkSummary[];
};

const STATUS = { active: "Active", expired: "Expired", revoked: "Revoked" } as const;

/** Create a public link to this report (shown once), see who made which and how often it was opened, revoke. */
export function ShareLinks({ touchpointId, granularity, touchpointName, range, links }: Props) {
  const periodLabel = (key: string) => formatPeriod(parsePeriodKey(key)!, granularity);
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<{ label: string; url: string } | null>(null);

  function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const input = { touchpointId, label: data.get("label"), expires: data.get("expires"), range: data.get("range"), from: range.from.key, to: range.to.key };
    startTransition(async () => {
      const result = await callAction(() => createShareLinkAction(input));
      if (!result.ok) {
        setErrors(result.fields ?? { form: result.message });
        return;
      }
      setErrors({});
      setCreated({ label: String(input.label).trim(), url: `${window.location.origin}/r/${result.data.token}` });
      form.reset();
      router.refresh();
    });
  }

  function onRevoke(link: ShareLinkSummary) {
    if (!window.confirm(`Revoke “${link.label}”? Anyone opening it will see that it is no longer available.`)) return;
    startTransition(async () => {
      const result = await callAction(() => revokeShareLinkAction({ id: link.id }));
      if (result.ok) toast.success(`Revoked “${link.label}”`);
      else toast.error(result.message);
      router.refresh();
    });
  }

  return (
    <section aria-labelledby="share-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-xs print:hidden">
      <h2 id="share-heading" className="text-base font-semibold">Share this report</h2>
      <p className="mt-1 text-sm text-slate-600">
        Anyone with a link can read {touchpointName}’s report without signing in — no other part of Touchline. Links can be revoked at any time, and are revoked when the person who made one can no longer share this touchpoint.
      </p>
      <form onSubmit={onCreate} className="mt-4 grid gap-4 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]" noValidate>
        <Field label="Label" name="label" placeholder="e.g. Kitchen team briefing" maxLength={MAX_LABEL_LENGTH} error={errors.label} required />
        <div>
          <label htmlFor="share-expires" className="mb-1 block text-sm font-medium text-slate-700">Expires</label>
          <select id="share-expires" name="expires" defaultValue={DEFAULT_SHARE_EXPIRY} className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm" aria-invalid={errors.expires ? true : undefined}>
            <option value="7">In 7 days</option>
            <option value="30">In 30 days</option>
            <option value="90">In 90 days</option>
            <option value="never">Never</option>
          </select>
          {errors.expires && <p className="mt-1 text-xs text-red-700">{errors.expires}</p>}
        </div>
        <fieldset className="text-sm md:col-span-2">
          <legend className="mb-1 font-medium text-slate-700">Shows</legend>
          <label className="mr-6 inline-flex items-center gap-2">
            <input type="radio" name="range" value="latest" defaultChecked className="accent-brand" /> Always the latest periods
          </label>
          <label className="inline-flex items-center gap-2">
            <input type="radio" name="range" value="fixed" className="accent-brand" /> Only {range.from.label} to {range.to.label}
          </label>
          {(errors.from || errors.to || errors.range) && <p className="mt-1 text-xs text-red-700">{errors.from ?? errors.to ?? errors.range}</p>}
        </fieldset>
        {errors.form && <p role="alert" className="text-sm text-red-700 md:col-span-2">{errors.form}</p>}
        <div className="md:col-span-2">
          <Button type="submit" disabled={pending}>{pending ? "Creating…" : "Create link"}</Button>
        </div>
      </form>

      {created && (
        <div className="mt-4">
          <ShownOnceSecret title={`Link “${created.label}” created.`} value={created.url} label="New share link" noun="Link" testId="new-share-link" onDone={() => setCreated(null)} />
        </div>
      )}

      <h3 className="mt-6 text-sm font-semibold">Links</h3>
      {links.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">No links yet.</p>
      ) : (
        <div className="relative mt-2 overflow-x-auto">
          <table className="w-full min-w-[44rem] text-sm">
            <thead className="text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="py-1.5 pr-3">Label</th>
                <th scope="col" className="px-3 py-1.5">Created</th>
                <th scope="col" className="px-3 py-1.5">Expires</th>
                <th scope="col" className="px-3 py-1.5">Shows</th>
                <th scope="col" className="px-3 py-1.5 text-right">Views</th>
                <th scope="col" className="py-1.5 pl-3"><span className="sr-only">Status</span></th>
              </tr>
            </thead>
            <tbody>
              {links.map((link) => (
                <tr key={link.id} className="border-t border-slate-100" data-testid="share-link-row">
                  <th scope="row" className="py-2 pr-3 text-left font-medium">{link.label}</th>
                  <td className="px-3 py-2">
                    {formatDateTime(new Date(link.createdAt))}
                    {link.createdBy && <span className="block text-xs text-slate-500">by {link.createdBy}</span>}
                  </td>
                  <td className="px-3 py-2">{link.expiresAt ? formatDateTime(new Date(link.expiresAt)) : "Never"}</td>
                  <td className="px-3 py-2">{link.range ? `${periodLabel(link.range.from)} to ${periodLabel(link.range.to)}` : "The latest periods"}</td>
                  <td className="px-3 py-2 text-right tabular-nums">
                    {link.viewCount}
                    {link.lastViewedAt && <span className="block text-xs text-slate-500">last {formatDateTime(new Date(link.lastViewedAt))}</span>}
                  </td>
                  <td className="py-2 pl-3 text-right">
                    {link.status === "active" ? (
                      <Button variant="secondary" onClick={() => onRevoke(link)} disabled={pending}>Revoke</Button>
                    ) : (
                      <span className="block max-w-56 text-left text-xs text-slate-500 sm:ml-auto">
                        {STATUS[link.status]}
                        {link.revokedReason && `: ${link.revokedReason}`}
                      </span>
                    )}
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
