import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getActiveUser, type CurrentUser } from "../data/users";
import { authOptions } from "./options";

/** The signed-in user, fresh from the database (once per request); null when signed out, deactivated, or signed in before their last password change. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  return typeof id === "number" ? getActiveUser(id, session?.user.signedInAt ?? 0) : null;
});

/** For pages: the current user, or a redirect to the sign-in page. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/signin");
  return user;
}
