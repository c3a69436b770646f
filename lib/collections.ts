/** Splits a list into consecutive slices of at most `size` items. */
export function chunked<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/**
 * Lets other requests in this process run during a long synchronous loop over rows: call it with
 * the row's index; every `every` rows it waits one turn of the event loop. Without it, checking a
 * 50,000-line import held every overview read behind it for seconds (npm run bench:concurrency).
 */
export async function yieldEvery(index: number, every = 1_000): Promise<void> {
  if (index % every === every - 1) await new Promise<void>((resolve) => setImmediate(resolve));
}
