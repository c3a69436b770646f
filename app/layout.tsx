import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Touchline", template: "%s · Touchline" },
  description: "Every department's touchpoints, one customer journey.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, so each carries its own CSP nonce (proxy.ts), the 404 page too.
  await connection();
  return (
    <html lang="en-GB">
      <body className="min-h-screen font-sans">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
