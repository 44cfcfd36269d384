"use client";

import { useCallback, useEffect, useId, useRef, useState } from "react";

// Every disclosure on the page announces its opening, so that the others close: two open row menus stacked on
// each other covered the buttons of other rows (an invoice was sent by mistake that way).
const OPENED_EVENT = "parcella:disclosure-opened";

/**
 * A button that shows and hides a panel (WAI-ARIA disclosure pattern): one open at a time on the page, Escape and a
 * click outside close it, and closing with Escape gives the focus back to the button. The panel follows the button
 * in the DOM, so Tab reaches every action in it. Pass `rootRef` to the element holding both, `buttonRef` and
 * `buttonProps` to the button, `panelProps` to the panel.
 */
export function useDisclosure<Root extends HTMLElement = HTMLElement>() {
  const id = useId();
  const panelId = `${id}-panel`;
  const [open, setOpen] = useState(false);
  const rootRef = useRef<Root | null>(null);
  const buttonRef = useRef<HTMLButtonElement | null>(null);

  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }, []);

  const toggle = useCallback(() => {
    if (!open) document.dispatchEvent(new CustomEvent(OPENED_EVENT, { detail: id }));
    setOpen(!open);
  }, [id, open]);

  useEffect(() => {
    function onOtherOpened(event: Event) {
      if ((event as CustomEvent<string>).detail !== id) setOpen(false);
    }
    document.addEventListener(OPENED_EVENT, onOtherOpened);
    return () => document.removeEventListener(OPENED_EVENT, onOtherOpened);
  }, [id]);

  useEffect(() => {
    if (!open) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === "Tab") {
        // Tabbing past the last action leaves the panel: it closes, as if clicked outside. Checked once the focus
        // has moved, and for the keyboard only: closing on every focus change moved the table's columns between a
        // press and its click, so a click on another row's button landed beside it.
        setTimeout(() => {
          if (rootRef.current && !rootRef.current.contains(document.activeElement)) setOpen(false);
        }, 0);
        return;
      }
      if (event.key !== "Escape") return;
      const focusInside = rootRef.current?.contains(document.activeElement) ?? false;
      event.preventDefault();
      close(focusInside);
    }
    // On click, not on pointerdown: the panels sit in the page's flow, and closing one on pointerdown moved the
    // button being pressed away from under the pointer before the click landed.
    function onClick(event: MouseEvent) {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) close(false);
    }
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("click", onClick);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("click", onClick);
    };
  }, [open, close]);

  return {
    open,
    close: () => close(true),
    rootRef,
    buttonRef,
    buttonProps: {
      type: "button" as const,
      "aria-expanded": open,
      // Only while the panel exists: a reference to a missing element is an error for assistive technology.
      "aria-controls": open ? panelId : undefined,
      onClick: toggle,
    },
    panelProps: { id: panelId },
  };
}
