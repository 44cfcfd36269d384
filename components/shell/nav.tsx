"use client";

import Link from "@/components/ui/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/", label: "Home" },
  { href: "/fatture", label: "Fatture" },
  { href: "/pazienti", label: "Pazienti" },
  { href: "/invii", label: "Invii STS" },
  { href: "/cifre", label: "Cifre" },
  { href: "/posta", label: "Posta" },
  { href: "/impostazioni", label: "Impostazioni" },
];

export function Nav() {
  const pathname = usePathname();
  const isCurrent = (href: string) => (href === "/" ? pathname === "/" : pathname.startsWith(href));
  return (
    <nav className="nav" aria-label="Navigazione principale">
      {LINKS.map((link) => (
        <Link
          key={link.href}
          href={link.href}
          prefetch="intent"
          aria-current={isCurrent(link.href) ? "page" : undefined}
        >
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
