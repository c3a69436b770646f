"use client";

import Link from "next/link";
import { useActionState } from "react";
import { unsubscribeAction } from "@/app/unsubscribe/[token]/actions";
import { Button } from "@/components/ui/button";

/**
 * The unsubscribe page's one button, a form action: it works without JavaScript too. Says what it
 * did, or why it could not, in place.
 */
export function UnsubscribeForm({ token, what }: { token: string; what: string }) {
  const [result, action, pending] = useActionState(unsubscribeAction, null);
  if (result?.ok) {
    return (
      <div role="status" className="space-y-3 text-sm">
        <p className="text-slate-800" data-testid="unsubscribed">Done: you will no longer get {what} by email.</p>
        <Link href="/account#notifications" className="font-medium text-brand hover:underline">Choose what you get in your account</Link>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      {result && <p role="alert" className="text-sm text-red-700">{result.message}</p>}
      <Button type="submit" disabled={pending} className="w-full">{pending ? "Stopping…" : `Stop ${what} by email`}</Button>
    </form>
  );
}
