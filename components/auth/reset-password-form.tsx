"use client";

import { useState, useTransition, type FormEvent } from "react";
import { resetPasswordAction } from "@/app/(auth)/reset/[token]/actions";
import { Button } from "@/components/ui/button";
import { NewPasswordFields } from "./new-password-fields";
import { useSignInAndGo } from "./use-sign-in-and-go";
import { callAction } from "@/lib/call-action";

/** A new password from an admin's reset link; then signed straight in. */
export function ResetPasswordForm({ token, email, name }: { token: string; email: string; name: string }) {
  const signInAndGo = useSignInAndGo();
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    startTransition(async () => {
      const result = await callAction(() => resetPasswordAction({ token, password: data.password, confirmPassword: data.confirmPassword }));
      if (!result.ok) {
        setErrors(result.fields ?? { form: result.message });
        return;
      }
      await signInAndGo(result.data.email, data.password ?? "", "/");
    });
  }

  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4" aria-label="Choose a new password" noValidate>
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <NewPasswordFields label="New password" account={() => ({ email, name })} errors={errors} />
      {errors.form && <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{errors.form}</p>}
      <Button type="submit" className="w-full" disabled={pending}>{pending ? "Saving…" : "Save the new password"}</Button>
    </form>
  );
}
