"use client";

import NextLink from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

type Props = Omit<ComponentProps<typeof NextLink>, "prefetch"> & {
  /** `"intent"`: prefetch once the user points at the link, touches it or reaches it by keyboard. */
  prefetch?: false | "intent";
};

/**
 * Every link of the app: Next's link, never prefetching on sight. Next prefetches each link as it scrolls into view,
 * and every page here is rendered per request for its practitioner, so each prefetch is a render on the server: a
 * list of 25 invoices would ask for 25 of them at every view, and the menu for its eight links at every page load.
 * The menus prefetch on intent instead (`prefetch="intent"`: the route up to its loading placeholder, when the
 * pointer enters the link, a finger touches it or the keyboard focuses it), so that their click still shows the
 * placeholder at once; other links fetch their page when clicked, and still navigate without reloading it.
 */
export default function Link({ prefetch = false, onMouseEnter, onTouchStart, onFocus, ...props }: Props) {
  const router = useRouter();
  const target = prefetch === "intent" && typeof props.href === "string" ? props.href : null;
  const warm = () => {
    if (target) router.prefetch(target);
  };
  return (
    <NextLink
      prefetch={false}
      onMouseEnter={(event) => {
        onMouseEnter?.(event);
        warm();
      }}
      onTouchStart={(event) => {
        onTouchStart?.(event);
        warm();
      }}
      onFocus={(event) => {
        onFocus?.(event);
        warm();
      }}
      {...props}
    />
  );
}
