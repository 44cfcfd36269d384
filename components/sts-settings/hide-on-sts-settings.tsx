"use client";

import { usePathname } from "next/navigation";

// The settings page shows the same warnings in full beside the fields: no need for the shell's banner there too.
export function HideOnStsSettings({ children }: { children: React.ReactNode }) {
  return usePathname() === "/impostazioni/sts" ? null : children;
}
