// next-auth configuration: email + password, JWT sessions backed by a server-side registry. The
// token carries only the user id and the UserSession row's id; whether the session may still act
// (not ended, within the idle and absolute lifetimes) and the person's role and departments are
// read from the database on every request (lib/data/sessions.ts), so sign-out, a deactivation, a
// password change or reset and a role change take effect at once and stay in effect.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { ENDED, endSession, getSessionLimits, resolveSession, startSession } from "../data/sessions";
import { findUserCredentials } from "../data/users";
import { clientAddress } from "../client-address";
import { signInSucceeded, takeSignInAttempt } from "../rate-limit";
import { signInSchema } from "../validation/auth";
import { MAX_HOURS_RANGE } from "../validation/sessions";
import { unknownUserHash, verifyPassword } from "./password";
import { emailHash, logSecurityEvent } from "../security-log";
import { TOO_MANY_ATTEMPTS } from "./sign-in-errors";

/** Thrown from the jwt callback for a token whose session has ended: next-auth then clears the cookie and answers no session. */
class SessionEndedError extends Error {
  name = "SessionEndedError";
}

export const authOptions: NextAuthOptions = {
  // The longest absolute lifetime an admin can set; currentAuthOptions() narrows it to the organisation's.
  session: { strategy: "jwt", maxAge: MAX_HOURS_RANGE.max * 3600 },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const headers = new Headers((request?.headers ?? {}) as Record<string, string>);
        const address = clientAddress(headers);
        const locked = await takeSignInAttempt(email, address);
        if (locked !== null) {
          logSecurityEvent("sign_in_locked", { address, emailHash: emailHash(email), waitSeconds: locked });
          throw new Error(`${TOO_MANY_ATTEMPTS}:${locked}`);
        }
        const found = await findUserCredentials(email);
        // Always run one hash comparison so unknown emails are not faster to reject.
        const ok = await verifyPassword(password, found?.passwordHash ?? (await unknownUserHash()));
        // A failure was counted when the attempt was taken.
        if (!found || !ok || !found.active) {
          const reason = !found ? "unknown account" : !ok ? "wrong password" : "deactivated account";
          logSecurityEvent("sign_in_failed", { address, ...(found ? { userId: found.id, email: found.email } : {}), emailHash: emailHash(email), reason });
          return null;
        }
        await signInSucceeded(email, address);
        const sessionId = await startSession(found.id, found.passwordHash, { userAgent: headers.get("user-agent"), address: address === "unknown" ? null : address });
        if (sessionId === null) {
          // The password was changed or the account deactivated while this one was being checked.
          logSecurityEvent("sign_in_failed", { address, userId: found.id, email: found.email, reason: "password changed or account deactivated during sign-in" });
          return null;
        }
        return { id: String(found.id), name: found.name, email: found.email, sessionId };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.userId = Number(user.id);
        token.sessionId = user.sessionId;
        return token;
      }
      // Any later read of the token (GET /api/auth/session renews the cookie): only a live session
      // is renewed, so neither an ended one nor one past its lifetimes comes back this way.
      if (!token.sessionId || !(await resolveSession(token.sessionId, { touch: false }))) throw new SessionEndedError();
      return token;
    },
    session({ session, token }) {
      session.user.id = token.userId;
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.sessionId) await endSession(token.sessionId, ENDED.signedOut);
    },
  },
  logger: {
    error(code, metadata) {
      // An ended session asking for itself is the registry working, not an error worth a stack trace.
      if (code === "JWT_SESSION_ERROR" && metadata instanceof SessionEndedError) return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
  },
};

/** authOptions with the JWT's and the cookie's lifetime set to the organisation's absolute session lifetime. */
export async function currentAuthOptions(): Promise<NextAuthOptions> {
  const { maxHours } = await getSessionLimits();
  return { ...authOptions, session: { ...authOptions.session, maxAge: maxHours * 3600 } };
}
