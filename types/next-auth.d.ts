declare module "next-auth" {
  interface Session {
    /** Only the id: role and departments are read from the database per request. */
    user: { id: number; name: string; email: string };
  }
  interface User {
    /** The UserSession row the sign-in opened (lib/data/sessions.ts). */
    sessionId: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    userId: number;
    /** The UserSession row this token stands for; the registry decides whether it is still live. */
    sessionId?: string;
  }
}

export {};
