import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";

export const metadata: Metadata = { title: "Link not valid", robots: { index: false, follow: false } };

/** One page, and status 404, for every token that does not check out: nothing says why. */
export default function UnsubscribeLinkNotValid() {
  return (
    <AuthCard title="This unsubscribe link is not valid" intro="Check that you opened the whole link from the email. Signed in, you can choose what you get in your account.">
      <Link href="/account#notifications" className="text-sm font-medium text-brand hover:underline">Choose what you get</Link>
    </AuthCard>
  );
}
