import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Parcella", template: "%s · Parcella" },
  description: "Fatture sanitarie e invio al Sistema Tessera Sanitaria",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="it">
      <body>{children}</body>
    </html>
  );
}
