"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { Toaster } from "sonner";
import { z } from "zod";

// Zod would probe for eval (new Function) to compile faster parsers; under the CSP (lib/csp.ts) the
// probe fails quietly but is reported as a violation. Forms parse a few fields: no JIT needed.
z.config({ jitless: true });

export function Providers({ children }: { children: ReactNode }) {
  // One client per browser session; server components fetch their own data.
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000 } } }));
  return (
    <QueryClientProvider client={queryClient}>
      {children}
      <Toaster position="top-right" richColors closeButton />
    </QueryClientProvider>
  );
}
