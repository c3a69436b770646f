import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { UnusableLink } from "@/components/auth/unusable-link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { lookUpPasswordReset } from "@/lib/data/password-resets";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Choose a new password", robots: { index: false, follow: false }, referrer: "no-referrer" };

const UNUSABLE = {
  used: { title: "This reset link has been used", text: "Sign in with the password you chose, or ask your admin for a new link." },
  expired: { title: "This reset link has expired", text: "Reset links work for 24 hours. Ask your admin for a new one." },
  revoked: { title: "This reset link no longer works", text: "A newer link was made, or the account was deactivated. Ask your admin." },
  unknown: { title: "This reset link is not valid", text: "Check that you copied the whole link, or ask your admin for a new one." },
};

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const reset = await lookUpPasswordReset(token);
  if (reset?.status !== "valid") {
    return <UnusableLink {...UNUSABLE[reset?.status ?? "unknown"]} />;
  }
  return (
    <AuthCard title="Choose a new password" intro={<>For {reset.name} (<strong className="font-medium text-slate-800">{reset.email}</strong>). Every device signed in with the old password is signed out. The link works until {formatDateTime(new Date(reset.expiresAt))}.</>}>
      <ResetPasswordForm token={token} email={reset.email} name={reset.name} />
    </AuthCard>
  );
}
