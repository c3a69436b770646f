// Where to send someone after sign-in (or any other redirect taken from input): only a path on
// this site. Parsed as a URL against a placeholder origin, so "/\evil.com", "/%09/evil.com" and
// "//evil.com" (which browsers treat as other hosts) are refused rather than string-matched; and
// the *normalised* path is checked again, because the parser collapses dot segments: "/.//evil.com"
// and "/a/..//evil.com" come out as "//evil.com", a protocol-relative URL to another host.
const PLACEHOLDER = "http://touchline.invalid";

/** A path that stays on this origin wherever a browser or Next's router resolves it. */
const ON_SITE = /^\/(?![/\\])/;

/**
 * `value` as a same-origin path with its query and fragment ("/entry?period=2026-11-16"), or
 * `fallback` when it is not a string, not a path, or would lead to another origin once normalised.
 */
export function safeCallbackPath(value: unknown, fallback = "/overview"): string {
  if (typeof value !== "string" || !ON_SITE.test(value)) return fallback;
  try {
    const url = new URL(value, PLACEHOLDER);
    if (url.origin !== PLACEHOLDER) return fallback;
    const path = `${url.pathname}${url.search}${url.hash}`;
    return ON_SITE.test(path) && new URL(path, PLACEHOLDER).origin === PLACEHOLDER ? path : fallback;
  } catch {
    return fallback;
  }
}
