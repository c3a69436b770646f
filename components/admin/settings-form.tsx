"use client";

import { updateSettingsAction } from "@/app/(app)/admin/settings/actions";
import { Button } from "@/components/ui/button";
import { useAdminForm } from "./use-admin-action";
import { Field } from "@/components/ui/field";
import type { OrganisationSettings } from "@/lib/data/organisation";

/** The organisation's name, entry period, moment-of-truth weight and score bands. */
export function SettingsForm({ settings, hasFigures }: { settings: OrganisationSettings; hasFigures: boolean }) {
  const { pending, errors, onSubmit } = useAdminForm(updateSettingsAction, "Settings saved");

  return (
    <form onSubmit={onSubmit} className="max-w-2xl space-y-5 rounded-xl border border-slate-200 bg-white p-5 shadow-xs" noValidate>
      <Field label="Organisation name" name="name" defaultValue={settings.name} maxLength={80} error={errors.name} />
      <div>
        <label htmlFor="granularity" className="mb-1 block text-sm font-medium text-slate-700">Figures are entered per</label>
        <select id="granularity" name="periodGranularity" defaultValue={settings.periodGranularity} aria-describedby="granularity-hint" aria-invalid={errors.periodGranularity ? true : undefined} className="block w-48 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
          <option value="WEEK">Week (Monday to Sunday)</option>
          <option value="MONTH">Month</option>
        </select>
        <p id="granularity-hint" className="mt-1 text-xs text-slate-500">
          {hasFigures ? "Fixed now that figures have been entered: changing it would mean splitting or merging them." : "Choose before the first figure is entered; it cannot change afterwards."}
        </p>
        {errors.periodGranularity && <p className="mt-1 text-xs text-red-700">{errors.periodGranularity}</p>}
      </div>
      <Field label="A moment of truth counts" name="momentOfTruthMultiplier" inputMode="decimal" defaultValue={String(settings.momentOfTruthMultiplier)} hint="times as much as an ordinary touchpoint of the same weight (default 2)" error={errors.momentOfTruthMultiplier} className="w-72" />
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">Score bands (0–100)</legend>
        <div className="flex flex-wrap gap-4">
          <Field label="Good from" name="bandGoodMin" inputMode="decimal" defaultValue={String(settings.bandGoodMin)} error={errors.bandGoodMin} className="w-32" />
          <Field label="Fair from" name="bandFairMin" inputMode="decimal" defaultValue={String(settings.bandFairMin)} error={errors.bandFairMin} className="w-32" />
        </div>
        <p className="mt-1 text-xs text-slate-500">Below Fair is Poor. Bands colour the journey and department scores; tiles compare each touchpoint with its own target.</p>
      </fieldset>
      {errors.form && <p role="alert" className="text-sm text-red-700">{errors.form}</p>}
      <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save settings"}</Button>
    </form>
  );
}
