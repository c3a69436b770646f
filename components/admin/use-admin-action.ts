"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/actions";
import { callAction } from "@/lib/call-action";

export type ActionFailure = Extract<ActionResult<unknown>, { ok: false }>;

/**
 * How every admin form runs its server action: on failure the message is toasted and handed to
 * `onError` (to mark fields); on success `success` (or what it makes of the result) is toasted, `onSuccess` runs and the page's
 * server data is refreshed.
 */
export function useAdminAction() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const run = <T,>(action: () => Promise<ActionResult<T>>, { success, onError, onSuccess }: { success?: string | ((data: T) => string); onError?: (failure: ActionFailure) => void; onSuccess?: (data: T) => void } = {}) =>
    startTransition(async () => {
      const result = await callAction(action);
      if (!result.ok) {
        toast.error(result.message);
        onError?.(result);
        return;
      }
      if (success) toast.success(typeof success === "function" ? success(result.data) : success);
      onSuccess?.(result.data);
      router.refresh();
    });
  return { pending, run };
}

/**
 * A whole admin form posted as one action: its fields as an object, the failure's field messages
 * (or its message as `form`) kept for the form to show, cleared on success.
 */
export function useAdminForm<T>(action: (data: Record<string, FormDataEntryValue>) => Promise<ActionResult<T>>, success: string) {
  const { pending, run } = useAdminAction();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.currentTarget));
    run(() => action(data), {
      success,
      onError: (failure) => setErrors(failure.fields ?? { form: failure.message }),
      onSuccess: () => setErrors({}),
    });
  };
  return { pending, errors, onSubmit };
}
