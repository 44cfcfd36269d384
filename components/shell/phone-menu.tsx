"use client";

import { usePathname } from "next/navigation";
import { useEffect } from "react";
import { useDisclosure } from "@/components/ui/use-disclosure";

// On a phone the navigation and the account sit behind a "Menu" button; from 821 px up the button is hidden and the
// sidebar is always shown (globals.css). The menu closes after every navigation.
export function PhoneMenu({ children }: { children: React.ReactNode }) {
  const { open, close, rootRef, buttonRef, buttonProps, panelProps } = useDisclosure<HTMLDivElement>();
  const pathname = usePathname();
  useEffect(() => {
    if (open) close();
    // Only a change of page closes it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pathname]);
  return (
    <div className="phone-menu" ref={rootRef}>
      <button ref={buttonRef} {...buttonProps} className="phone-menu-button">
        <span aria-hidden="true">☰</span> Menu
      </button>
      <div className="sidebar-panel" data-open={open} {...panelProps}>
        {children}
      </div>
    </div>
  );
}
