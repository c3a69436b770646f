"use client";

import { useRef, useState, useTransition, type FormEvent } from "react";
import { acceptInvitationAction } from "@/app/(auth)/invite/[token]/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { NewPasswordFields } from "./new-password-fields";
import { useSignInAndGo } from "./use-sign-in-and-go";
import { callAction } from "@/lib/call-action";

/** The invitee picks a name and password; the account is made and they are signed straight in. */
export function AcceptInvitationForm({ token, email, next }: { token: string; email: string; next: string }) {
  const signInAndGo = useSignInAndGo();
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const nameRef = useRef<HTMLInputElement>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    startTransition(async () => {
      const result = await callAction(() => acceptInvitationAction({ token, email, name: data.name, password: data.password, confirmPassword: data.confirmPassword }));
      if (!result.ok) {
        setErrors(result.fields ?? { form: result.message });
        return;
      }
      await signInAndGo(result.data.email, data.password ?? "", next);
    });
  }

  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4" aria-label="Join Touchline" noValidate>
      {/* For password managers: the account the new password belongs to. */}
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <Field ref={nameRef} label="Your name" name="name" autoComplete="name" maxLength={80} error={errors.name} required autoFocus />
      <NewPasswordFields account={() => ({ email, name: nameRef.current?.value })} errors={errors} />
      {errors.form && <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{errors.form}</p>}
      <Button type="submit" className="w-full" disabled={pending}>{pending ? "Setting up your account…" : "Join Touchline"}</Button>
    </form>
  );
}
