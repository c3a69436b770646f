import "server-only";
import { getToken } from "next-auth/jwt";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { NextRequest } from "next/server";
import { cache } from "react";
import { resolveSession, type SessionUser } from "../data/sessions";

/**
 * The signed-in user, fresh from the database (once per request), with the id of the session the
 * request came with; null when signed out, or when that session has ended or run out
 * (lib/data/sessions.ts resolveSession). The cookie is only decrypted here: the registry decides.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  // getToken reads the cookie (and its name's secure prefix) the way next-auth wrote it; it needs
  // a request, and only this request's headers matter, not the URL.
  const token = await getToken({ req: new NextRequest("http://touchline.invalid/", { headers: await headers() }) });
  return token?.sessionId ? resolveSession(token.sessionId) : null;
});

/** For pages: the current user, or a redirect to the sign-in page. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/signin");
  return user;
}
