"use client";

import { PageError } from "@/components/shell/page-error";

// An unexpected failure of a page inside the app: the shell (menu, account) stays, the page area explains.
export default function AppError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError {...props} />;
}
