"use client";

import { useState } from "react";
import { savePreferencesAction } from "@/app/(app)/account/actions";
import { useAdminAction } from "@/components/admin/use-admin-action";
import { Button } from "@/components/ui/button";
import type { EventPreferences } from "@/lib/data/notification-preferences";
import { PREFERENCE_CHANNEL_LABELS, PREFERENCE_EVENT_LABELS, type PreferenceChannel, type PreferenceEvent } from "@/lib/notifications/preferences";

const keyOf = (event: PreferenceEvent, channel: PreferenceChannel) => `${event}:${channel}`;

/**
 * One fieldset per event, a checkbox per channel showing what applies now, "default" where the
 * person has not chosen. Saving sends only the boxes they changed, so the rest stay on the default.
 */
export function PreferencesForm({ preferences }: { preferences: EventPreferences[] }) {
  const initial = new Map(preferences.flatMap((e) => e.channels.map((c) => [keyOf(e.event, c.channel), c.enabled] as const)));
  const [checked, setChecked] = useState(initial);
  const { pending, run } = useAdminAction();
  const changed = preferences.flatMap((e) =>
    e.channels.filter((c) => checked.get(keyOf(e.event, c.channel)) !== c.enabled).map((c) => ({ event: e.event, channel: c.channel, enabled: !c.enabled })),
  );

  return (
    <form
      aria-label="Notification preferences"
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        run(() => savePreferencesAction({ choices: changed }), { success: "Notification preferences saved" });
      }}
    >
      {preferences.map(({ event, channels }) => {
        const label = PREFERENCE_EVENT_LABELS[event];
        return (
          <fieldset key={event} className="rounded-lg border border-slate-200 px-4 pt-1 pb-3" aria-describedby={`pref-${event}-about`}>
            <legend className="px-1 text-sm font-semibold text-slate-900">{label.name}</legend>
            <p id={`pref-${event}-about`} className="text-xs text-slate-600">{label.about}</p>
            <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
              {channels.map((c) => {
                const key = keyOf(event, c.channel);
                const dirty = checked.get(key) !== c.enabled;
                return (
                  <label key={c.channel} className="flex min-h-6 items-center gap-2 text-sm text-slate-800">
                    <input
                      type="checkbox"
                      name={key}
                      checked={checked.get(key) ?? false}
                      onChange={(e) => setChecked(new Map(checked).set(key, e.target.checked))}
                      className="size-4 accent-brand"
                    />
                    {PREFERENCE_CHANNEL_LABELS[c.channel]}
                    {dirty ? (
                      <span className="text-xs text-amber-700">(not saved)</span>
                    ) : (
                      c.isDefault && <span className="rounded-sm bg-slate-100 px-1.5 text-xs text-slate-600" data-testid="default-marker">default</span>
                    )}
                  </label>
                );
              })}
            </div>
          </fieldset>
        );
      })}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending || changed.length === 0}>{pending ? "Saving…" : "Save preferences"}</Button>
        <p className="text-xs text-slate-500" aria-live="polite">{changed.length === 0 ? "No changes to save." : `${changed.length} unsaved ${changed.length === 1 ? "change" : "changes"}.`}</p>
      </div>
    </form>
  );
}
