"use client";

import { PageError } from "@/components/shell/page-error";

// An unexpected failure of a page outside the app's shell (login, registration).
export default function RootError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="auth">
      <PageError {...props} />
    </main>
  );
}
