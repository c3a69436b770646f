"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { toast } from "sonner";
import { changePasswordAction } from "@/app/(app)/account/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { NewPasswordFields } from "./new-password-fields";
import { callAction } from "@/lib/call-action";

/** Current password, new password twice. The change ends every other session; this one goes on. */
export function ChangePasswordForm({ email, name }: { email: string; name: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = Object.fromEntries(new FormData(form)) as Record<string, string>;
    startTransition(async () => {
      const result = await callAction(() => changePasswordAction(data));
      if (!result.ok) {
        setErrors(result.fields ?? { form: result.message });
        toast.error(result.message);
        return;
      }
      setErrors({});
      form.reset();
      toast.success("Password changed. Other devices are signed out.");
      router.refresh(); // the list of sessions below has changed
    });
  }

  return (
    <form method="post" onSubmit={onSubmit} aria-label="Change password" className="space-y-4" noValidate>
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" error={errors.currentPassword} required />
      <NewPasswordFields label="New password" account={() => ({ email, name })} errors={errors} />
      {errors.form && <p role="alert" className="text-sm text-red-700">{errors.form}</p>}
      <Button type="submit" disabled={pending}>{pending ? "Changing…" : "Change password"}</Button>
    </form>
  );
}
