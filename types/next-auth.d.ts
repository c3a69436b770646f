declare module "next-auth" {
  interface Session {
    /** Only the id and sign-in time: role and departments are read from the database per request. */
    user: { id: number; name: string; email: string; signedInAt: number };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    userId: number;
    /** Epoch ms of the sign-in; sessions from before the user's `sessionsValidFrom` are void. */
    signedInAt?: number;
  }
}

export {};
