import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { currentAuthOptions } from "@/lib/auth/options";

type Context = { params: Promise<{ nextauth: string[] }> };

/** next-auth's routes, with the cookie's lifetime read from the organisation's settings per request. */
async function handler(request: NextRequest, context: Context): Promise<Response> {
  return NextAuth(request, context, await currentAuthOptions());
}

export { handler as GET, handler as POST };
