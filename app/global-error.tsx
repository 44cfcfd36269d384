"use client";

import "./globals.css";
import { PageError } from "@/components/shell/page-error";

// The last resort, when the root layout itself failed: it replaces the whole document.
export default function GlobalError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="it">
      <body>
        <main className="auth">
          <PageError {...props} />
        </main>
      </body>
    </html>
  );
}
