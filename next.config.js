/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native SQLite driver: load it from node_modules at run time instead of bundling it.
  serverExternalPackages: ["better-sqlite3"],
  experimental: {
    // Enables forbidden() so pages a role may not see answer 403 with app/forbidden.tsx.
    authInterrupts: true,
    // Bytes. Next.js's default; server.mjs answers 413 to a larger declared body before Next.js
    // reads it (Next.js itself would read up to the limit and then answer 500).
    serverActions: { bodySizeLimit: 1024 * 1024 },
  },
  poweredByHeader: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
      {
        // Pages get a per-response policy with a nonce (proxy.ts). What the proxy does not see —
        // route handlers' answers (JSON, CSV, next-auth's sign-out and error pages, a 404 under
        // /api/) and the icons — gets one that runs no script at all.
        source: "/(api/.*|favicon.ico|icon.svg)",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'" }],
      },
      {
        // Public share links: never cached by anyone, never indexed, and the token never sent on
        // as a Referer.
        source: "/r/:path*",
        headers: [
          { key: "Cache-Control", value: "private, no-store" },
          { key: "X-Robots-Tag", value: "noindex, nofollow" },
          { key: "Referrer-Policy", value: "no-referrer" },
        ],
      },
      {
        // Unsubscribe links carry a token that speaks for a person: the same care, except that the
        // Referer (and Origin) still go to Touchline itself — with no-referrer a browser posts the
        // page's form without JavaScript as Origin: null, which the server action's same-origin
        // check refuses.
        source: "/unsubscribe/:path*",
        headers: [
          { key: "Cache-Control", value: "private, no-store" },
          { key: "X-Robots-Tag", value: "noindex, nofollow" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
