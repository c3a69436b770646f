import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { getCurrentUser } from "@/lib/auth/session";
import { needsFirstRun } from "@/lib/data/setup";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  // Only a path on this site, so the sign-in page cannot be used to send people elsewhere.
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  if (await needsFirstRun()) redirect("/setup");
  return (
    <AuthCard title="Sign in">
      <SignInForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
