import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { readBodyWithLimit } from "@/lib/http";
import { currentAuthOptions } from "@/lib/auth/options";

type Context = { params: Promise<{ nextauth: string[] }> };

/** Bytes: a sign-in form (email, password, CSRF token, callback URL) is well under 1 KB. */
const AUTH_BODY_LIMIT = 16 * 1024;

/** next-auth's routes, with the cookie's lifetime read from the organisation's settings per request. */
async function handler(request: NextRequest, context: Context): Promise<Response> {
  return NextAuth(request, context, await currentAuthOptions());
}

/**
 * The same for posts (sign-in, sign-out), their body read first up to AUTH_BODY_LIMIT: next-auth
 * would read a body of any size, before anyone signs in, and hold it in memory.
 */
async function post(request: NextRequest, context: Context): Promise<Response> {
  const body = await readBodyWithLimit(request, AUTH_BODY_LIMIT);
  if (body === null) return new Response("Request too large.", { status: 413, headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
  return handler(new NextRequest(request.url, { method: "POST", headers: request.headers, body }), context);
}

export { handler as GET, post as POST };
