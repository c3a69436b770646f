// The Content-Security-Policy of every page. Scripts run only with this response's nonce (Next.js
// puts it on its own inline and chunk scripts when it finds it in the request's CSP header, and
// 'strict-dynamic' lets those load the rest), so an injected <script> or inline handler does
// nothing. Styles allow 'unsafe-inline': React renders style attributes (charts, progress bars),
// which no nonce can cover, and injected CSS cannot run code. docs/security.md, "Headers".

/** A fresh nonce: 128 random bits, base64. One per response. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The policy for a response with `nonce`. `development`: Next.js's dev server also needs eval (React
 * refresh). `https`: ask browsers to upgrade any http:// subresource.
 */
export function contentSecurityPolicy(nonce: string, { development = false, https = false }: { development?: boolean; https?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}
