import type { Metadata } from "next";
import { headers } from "next/headers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Parcella", template: "%s · Parcella" },
  description: "Fatture sanitarie e invio al Sistema Tessera Sanitaria",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Reading the request's headers renders every page per request, which the CSP nonce needs (proxy.ts): a page
  // rendered at build time would carry scripts without it.
  await headers();
  return (
    <html lang="it">
      <body>{children}</body>
    </html>
  );
}
