"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { TOO_MANY_ATTEMPTS } from "@/lib/auth/sign-in-errors";

/** What went wrong, in words. Unknown emails get the same answer as wrong passwords. */
function signInProblem(error: string | null | undefined): string {
  if (error?.startsWith(`${TOO_MANY_ATTEMPTS}:`)) {
    const minutes = Math.max(1, Math.ceil(Number(error.split(":")[1]) / 60));
    return `Too many failed attempts for this account. For your security, sign-in is paused: try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}, or ask an admin.`;
  }
  if (error === "CredentialsSignin") return "That email and password don't match an active account.";
  return "Sign-in failed. Try again in a moment.";
}

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    if (!result || result.error) {
      setPending(false);
      setError(signInProblem(result?.error));
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate={false}>
      <Field label="Email" name="email" type="email" autoComplete="username" required autoFocus />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required />
      {error && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
