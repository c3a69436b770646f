// next-auth configuration: email + password, JWT sessions. The token carries only the user id;
// role and departments are read from the database on every request (lib/auth/session.ts), so a
// role change or deactivation takes effect at once.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { findUserCredentials } from "../data/users";
import { signInSchema } from "../validation/auth";
import { unknownUserHash, verifyPassword } from "./password";

const EIGHT_HOURS = 8 * 60 * 60;

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: EIGHT_HOURS },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(raw) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) return null;
        const found = await findUserCredentials(parsed.data.email);
        // Always run one hash comparison so unknown emails are not faster to reject.
        const ok = await verifyPassword(parsed.data.password, found?.passwordHash ?? (await unknownUserHash()));
        if (!found || !ok || !found.active) return null;
        return { id: String(found.id), name: found.name, email: found.email };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.userId = Number(user.id);
      return token;
    },
    session({ session, token }) {
      session.user.id = token.userId;
      return session;
    },
  },
};
