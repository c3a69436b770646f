import type { Role } from "@/lib/domain";

declare module "next-auth" {
  interface User {
    role: Role;
    departmentIds: number[];
  }
  interface Session {
    user: { id: number; name: string; email: string; role: Role; departmentIds: number[] };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    userId: number;
    role: Role;
    departmentIds: number[];
  }
}
