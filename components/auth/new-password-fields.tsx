"use client";

import { useState } from "react";
import { Field } from "@/components/ui/field";
import { PASSWORD_HINT, passwordProblem } from "@/lib/validation/password";

/**
 * New password and its confirmation, checked with the server's own rules once the person leaves
 * a field (not on every key: a half-typed password is not an error yet).
 */
export function NewPasswordFields({ account, errors, label = "Password" }: { account: () => { email?: string; name?: string }; errors: Record<string, string | undefined>; label?: string }) {
  const [live, setLive] = useState<{ password?: string; confirmPassword?: string }>({});
  const [password, setPassword] = useState("");

  return (
    <>
      <Field
        label={label}
        name="password"
        type="password"
        autoComplete="new-password"
        hint={PASSWORD_HINT}
        error={live.password ?? errors.password}
        onChange={(e) => { setPassword(e.target.value); if (live.password) setLive((l) => ({ ...l, password: undefined })); }}
        onBlur={(e) => e.target.value && setLive((l) => ({ ...l, password: passwordProblem(e.target.value, account()) ?? undefined }))}
        required
      />
      <Field
        label={`Repeat the ${label.toLowerCase()}`}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        error={live.confirmPassword ?? errors.confirmPassword}
        onChange={() => live.confirmPassword && setLive((l) => ({ ...l, confirmPassword: undefined }))}
        onBlur={(e) => e.target.value && setLive((l) => ({ ...l, confirmPassword: e.target.value !== password ? "The two passwords differ" : undefined }))}
        required
      />
    </>
  );
}
