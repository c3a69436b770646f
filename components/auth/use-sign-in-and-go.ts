"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";

/**
 * After an account is made or its password set (first run, invitation, reset): sign
 * in with the password just chosen and go to `next`; should that fail, to the sign-in page.
 */
export function useSignInAndGo() {
  const router = useRouter();
  return async (email: string, password: string, next: string) => {
    const result = await signIn("credentials", { email, password, redirect: false });
    router.replace(result && !result.error ? next : "/signin");
    router.refresh();
  };
}
