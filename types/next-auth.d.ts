declare module "next-auth" {
  interface Session {
    /** Only the id: role and departments are read from the database per request. */
    user: { id: number; name: string; email: string };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    userId: number;
  }
}

export {};
