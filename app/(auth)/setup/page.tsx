import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { AuthCard } from "@/components/auth/auth-card";
import { FirstRunForm } from "@/components/auth/first-run-form";
import { needsFirstRun } from "@/lib/data/setup";

export const metadata: Metadata = { title: "Set up Touchline", robots: { index: false, follow: false } };

/** Only while the database is empty; afterwards everyone goes to sign-in. */
export default async function SetupPage() {
  await connection(); // the database decides, on every request: never prerender this page
  if (!(await needsFirstRun())) redirect("/signin");
  return (
    <AuthCard
      wide
      title="Welcome to Touchline"
      intro="Nobody has set Touchline up yet. Create your organisation and your admin account; next you will add departments, a journey and its touchpoints, then invite the department heads."
    >
      <FirstRunForm />
    </AuthCard>
  );
}
