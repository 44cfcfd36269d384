"use client";

import Link from "@/components/ui/link";
import { usePathname } from "next/navigation";

// The accountant's read-only set: nothing else opens in their session (lib/auth/session.ts).
const LINKS = [
  { href: "/fatture", label: "Fatture" },
  { href: "/invii", label: "Invii STS" },
  { href: "/cifre", label: "Cifre dell'anno" },
  { href: "/commercialista", label: "Cambia studio" },
];

export function AccountantNav() {
  const pathname = usePathname();
  return (
    <nav className="nav" aria-label="Navigazione principale">
      {LINKS.map((link) => (
        <Link
          key={link.href}
          href={link.href}
          prefetch="intent"
          aria-current={pathname.startsWith(link.href) ? "page" : undefined}
        >
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
