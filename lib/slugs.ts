// URL-safe names for departments and journeys ("Front of House" → "front-of-house"). Pure.

export function slugify(name: string, fallback: string): string {
  // NFKD splits "é" into "e" and a combining accent, which is then dropped.
  const plain = name.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  return plain.replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || fallback;
}

/** `base`, or `base-2`, `base-3`… whichever is not taken yet. */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
