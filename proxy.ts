// Next.js 16's request proxy (formerly middleware.ts). Every page but the sign-in page needs a
// session cookie; this is the outer gate and checks only that the cookie is next-auth's and
// unexpired. Whether its session is still live is decided by the session registry in the layout,
// action or route that serves the request (lib/auth/session.ts getCurrentUser), so a copied
// cookie of an ended session gets past here and is sent to sign in there. The exemptions are the
// pages a visitor without an account must reach: shared reports (/r/…), invitations (/invite/…),
// password reset links (/reset/…), email unsubscribe links (/unsubscribe/…) and first-run set-up (/setup, only while no one has an
// account); they are rate-limited per address instead. Every page it passes on (the sign-in page
// too) gets a Content-Security-Policy with a fresh nonce (lib/csp.ts).
import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { clientAddress } from "./lib/client-address";
import { contentSecurityPolicy, newNonce } from "./lib/csp";
import { takePublicRequest } from "./lib/rate-limit";
import { logSecurityEvent } from "./lib/security-log";

const PUBLIC_PREFIXES = ["/r/", "/invite/", "/reset/", "/unsubscribe/", "/setup"];

/**
 * An RFC 8058 one-click unsubscribe: a form post to an unsubscribe page. Next.js renders a page for
 * a form post as for a GET (server actions post multipart or with a Next-Action header, never
 * urlencoded), so it goes to the page's POST handler instead.
 */
const isOneClickUnsubscribe = (request: NextRequestWithAuth, path: string) =>
  request.method === "POST" && /^\/unsubscribe\/[^/]+$/.test(path) && /^application\/x-www-form-urlencoded\b/i.test(request.headers.get("content-type") ?? "") && !request.headers.has("next-action");

const CSP_OPTIONS = { development: process.env.NODE_ENV === "development", https: /^https:\/\//i.test(process.env.NEXTAUTH_URL ?? "") };

/**
 * Passes the request on with a fresh nonce: in the request's CSP header, where Next.js finds it and
 * puts it on its scripts, and in the response's, where the browser enforces it.
 */
function withPolicy(request: NextRequest, rewriteTo?: URL): NextResponse {
  const policy = contentSecurityPolicy(newNonce(), CSP_OPTIONS);
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  const response = rewriteTo ? NextResponse.rewrite(rewriteTo, { request: { headers } }) : NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

// With a live session cookie the page is served (with its policy); without, a redirect to sign in.
const requireSession = withAuth((request) => withPolicy(request), { pages: { signIn: "/signin" } });

const TOO_MANY = (seconds: number) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Too many requests · Touchline</title></head>
<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#0f172a">
<h1 style="font-size:1.25rem">Too many requests</h1>
<p>This address has opened Touchline's public pages too often in the last minute. Wait ${seconds} seconds and reload the page.</p>
</body></html>`;

export default async function proxy(request: NextRequestWithAuth, event: NextFetchEvent) {
  const path = request.nextUrl.pathname;
  if (PUBLIC_PREFIXES.some((prefix) => path.startsWith(prefix))) {
    const address = clientAddress(request.headers);
    const wait = await takePublicRequest(address);
    if (wait !== null) {
      logSecurityEvent("rate_limited", { address, path, waitSeconds: wait });
      return new NextResponse(TOO_MANY(wait), {
        status: 429,
        headers: {
          "Content-Type": "text/html; charset=utf-8",
          "Retry-After": String(wait),
          "Cache-Control": "no-store",
          // A static page with no script: nothing may run on it.
          "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'",
        },
      });
    }
    if (isOneClickUnsubscribe(request, path)) return withPolicy(request, new URL(`${path}/one-click`, request.url));
    return withPolicy(request);
  }
  if (path === "/signin") return withPolicy(request);
  return requireSession(request, event);
}

export const config = {
  // Pages only: API routes authenticate themselves (session or API key) and answer 401, not a
  // redirect to the sign-in page (and send JSON, which runs no scripts). Not static assets.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
