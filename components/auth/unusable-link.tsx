import Link from "next/link";
import { AuthCard } from "./auth-card";

/** What an invitation or reset link shows once it cannot be used, with the way on. */
export function UnusableLink({ title, text }: { title: string; text: string }) {
  return (
    <AuthCard title={title} intro={text}>
      <Link href="/signin" className="text-sm font-medium text-brand hover:underline">Go to sign-in</Link>
    </AuthCard>
  );
}
