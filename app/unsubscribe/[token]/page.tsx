// The page an email's unsubscribe link opens: no sign-in (proxy.ts exempts /unsubscribe/ and
// rate-limits it). Opening it changes nothing, because mail scanners open links to check them; the
// button does it (and a mail client's RFC 8058 one-click POST, one-click/route.ts).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { UnsubscribeForm } from "@/components/notifications/unsubscribe-form";
import { getUnsubscribeTarget } from "@/lib/data/notification-preferences";
import { PREFERENCE_EVENT_LABELS } from "@/lib/notifications/preferences";

// The token goes to no other site; see next.config.js for why not "no-referrer".
export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false, follow: false }, referrer: "same-origin" };

export default async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const target = await getUnsubscribeTarget(token);
  if (!target) notFound();
  const { what } = PREFERENCE_EVENT_LABELS[target.event];
  if (!target.emailOn) {
    return (
      <AuthCard title={`You no longer get ${what} by email`} intro={<>Nothing more of this kind goes to <strong className="font-medium text-slate-800">{target.maskedEmail}</strong>.</>}>
        <Link href="/account#notifications" className="text-sm font-medium text-brand hover:underline">Choose what you get in your account</Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={`Stop ${what} by email?`} intro={<>For <strong className="font-medium text-slate-800">{target.maskedEmail}</strong>. They still show in the app if you get them there; other emails are not affected.</>}>
      <UnsubscribeForm token={token} what={what} />
    </AuthCard>
  );
}
