// next-auth configuration: email + password, JWT sessions. The token carries only the user id and
// when they signed in; role and departments are read from the database on every request
// (lib/auth/session.ts), so a role change, a deactivation or a password change takes effect at once.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { findUserCredentials } from "../data/users";
import { clientAddress } from "../client-address";
import { signInSucceeded, takeSignInAttempt } from "../rate-limit";
import { signInSchema } from "../validation/auth";
import { unknownUserHash, verifyPassword } from "./password";
import { emailHash, logSecurityEvent } from "../security-log";
import { TOO_MANY_ATTEMPTS } from "./sign-in-errors";

const EIGHT_HOURS = 8 * 60 * 60;

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: EIGHT_HOURS },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const address = clientAddress(new Headers((request?.headers ?? {}) as Record<string, string>));
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
        return { id: String(found.id), name: found.name, email: found.email };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.userId = Number(user.id);
        token.signedInAt = Date.now();
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.userId;
      session.user.signedInAt = token.signedInAt ?? 0;
      return session;
    },
  },
};
