import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Parcella", template: "%s · Parcella" },
  description: "Fatture sanitarie e invio al Sistema Tessera Sanitaria",
  // public/: the favicon, the home-screen icons and the web manifest, so the app can be pinned on a phone.
  manifest: "/manifest.webmanifest",
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "32x32" },
      { url: "/icon-192.png", type: "image/png", sizes: "192x192" },
    ],
    apple: [{ url: "/apple-touch-icon.png", sizes: "180x180" }],
  },
  appleWebApp: { capable: true, title: "Parcella", statusBarStyle: "default" },
};

export const viewport: Viewport = { themeColor: "#14243a" };

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
