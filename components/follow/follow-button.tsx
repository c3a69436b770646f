"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/actions";
import type { Following } from "@/lib/data/follows";

type Props = {
  /** "touchpoint" or "journey": the words say whose alerts. */
  what: "touchpoint" | "journey";
  name: string;
  following: boolean;
  /** The follow action for touchpoints or journeys, called with `subject` and the new state. */
  action: (input: unknown) => Promise<ActionResult<Following>>;
  subject: { touchpointId: number } | { journeyId: number };
};

/**
 * Follow / Following: a button that says what it does ("Get this touchpoint's alerts") and, once
 * following, how to stop. The new state is announced to screen readers and toasted; a refused
 * request leaves the button as it was and says why.
 */
export function FollowButton({ what, name, following: initial, action, subject }: Props) {
  const router = useRouter();
  const [following, setState] = useState(initial);
  const [pending, startTransition] = useTransition();
  const [announcement, setAnnouncement] = useState("");
  const hint = useId();
  const alerts = `this ${what}'s alerts`;

  const toggle = () => {
    if (pending) return;
    startTransition(async () => {
      const result = await action({ ...subject, following: !following });
      if (!result.ok) {
        toast.error(result.message);
        return;
      }
      setState(result.data.following);
      const said = result.data.following ? `You follow ${name}: you get its alerts.` : `You no longer follow ${name}.`;
      setAnnouncement(said);
      toast.success(said);
      router.refresh();
    });
  };

  return (
    <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1 print:hidden">
      <button
        type="button"
        onClick={toggle}
        // aria-disabled, not disabled: a disabled button loses keyboard focus mid-request.
        aria-disabled={pending}
        aria-describedby={hint}
        data-testid={`follow-${what}`}
        className={`inline-flex items-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium ring-1 transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand aria-disabled:cursor-wait aria-disabled:opacity-70 ${
          following ? "bg-brand/10 text-brand-dark ring-brand/40 hover:bg-brand/15" : "bg-white text-slate-800 ring-slate-300 hover:bg-slate-50"
        }`}
      >
        <span aria-hidden="true">{following ? "✓" : "+"}</span>
        {following ? "Following" : "Follow"}
      </button>
      <span id={hint} className="text-xs text-slate-600">
        {following ? `You get ${alerts}. Press to stop.` : `Get ${alerts}`}
      </span>
      <span role="status" aria-live="polite" className="sr-only">{announcement}</span>
    </span>
  );
}
