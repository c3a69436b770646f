// Where to send someone after sign-in: only a path on this site. Parsed as a URL against a
// placeholder origin, so "/\evil.com", "/%09/evil.com" and "//evil.com" (which browsers treat as
// other hosts) are refused rather than string-matched.
const PLACEHOLDER = "http://touchline.invalid";

export function safeCallbackPath(value: unknown, fallback = "/overview"): string {
  if (typeof value !== "string" || !value.startsWith("/")) return fallback;
  try {
    const url = new URL(value, PLACEHOLDER);
    if (url.origin !== PLACEHOLDER) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
