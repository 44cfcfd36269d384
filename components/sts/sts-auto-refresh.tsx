"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

// While some document is being sent or waits for STS's outcome, refresh the page's data every few seconds, so
// progress and results show without a manual reload.
export function StsAutoRefresh({ active, intervalMs = 3000 }: { active: boolean; intervalMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs, router]);
  return null;
}
