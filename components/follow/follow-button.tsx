"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/actions";
import type { Following } from "@/lib/data/follows";

type Options = {
  /** "touchpoint" or "journey": the words say whose alerts. */
  what: "touchpoint" | "journey";
  name: string;
  following: boolean;
  /** The follow action for touchpoints or journeys, called with `subject` and the new state. */
  action: (input: unknown) => Promise<ActionResult<Following>>;
  subject: { touchpointId: number } | { journeyId: number };
};

export type FollowState = ReturnType<typeof useFollowing>;

/**
 * Whether the person follows, and the toggle that asks the server. A refused request leaves the
 * state as it was and says why; a done one is toasted and announced (`announcement`, for a live
 * region). One state can drive several buttons (the overview shows one per screen width).
 */
export function useFollowing({ what, name, following: initial, action, subject }: Options) {
  const router = useRouter();
  const [following, setFollowing] = useState(initial);
  const [pending, startTransition] = useTransition();
  const [announcement, setAnnouncement] = useState("");
  const toggle = () => {
    if (pending) return;
    startTransition(async () => {
      const result = await action({ ...subject, following: !following });
      if (!result.ok) {
        toast.error(result.message);
        return;
      }
      setFollowing(result.data.following);
      const said = result.data.following ? `You follow ${name}: you get its alerts.` : `You no longer follow ${name}.`;
      setAnnouncement(said);
      toast.success(said);
      router.refresh();
    });
  };
  return { what, following, pending, toggle, announcement };
}

/**
 * Follow / Following: a button that says what it does ("Get this touchpoint's alerts") and, once
 * following, how to stop. `compact`: a smaller button whose words are for screen readers only, where
 * a line of its own would cost too much room (the overview's first screen on a phone).
 */
export function FollowButton({ state, compact = false }: { state: FollowState; compact?: boolean }) {
  const hint = useId();
  const alerts = `this ${state.what}'s alerts`;
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1 print:hidden">
      <button
        type="button"
        onClick={state.toggle}
        // aria-disabled, not disabled: a disabled button loses keyboard focus mid-request.
        aria-disabled={state.pending}
        aria-describedby={hint}
        data-testid={`follow-${state.what}`}
        className={`inline-flex shrink-0 items-center gap-1.5 rounded-md font-medium ring-1 transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand aria-disabled:cursor-wait aria-disabled:opacity-70 ${
          compact ? "px-2.5 py-1 text-xs" : "px-3 py-1.5 text-sm"
        } ${state.following ? "bg-brand/10 text-brand-dark ring-brand/40 hover:bg-brand/15" : "bg-white text-slate-800 ring-slate-300 hover:bg-slate-50"}`}
      >
        <span aria-hidden="true">{state.following ? "✓" : "+"}</span>
        {state.following ? "Following" : "Follow"}
      </button>
      <span id={hint} className={compact ? "sr-only" : "text-xs text-slate-600"}>
        {state.following ? `You get ${alerts}. Press to stop.` : `Get ${alerts}`}
      </span>
    </span>
  );
}

/** The announcement of a change of following, for screen readers. Render once per state. */
export function FollowAnnouncement({ state }: { state: FollowState }) {
  return (
    <span role="status" aria-live="polite" className="sr-only">
      {state.announcement}
    </span>
  );
}

/** One Follow button with its own state (a touchpoint's report). */
export function FollowControl(options: Options) {
  const state = useFollowing(options);
  return (
    <>
      <FollowButton state={state} />
      <FollowAnnouncement state={state} />
    </>
  );
}
