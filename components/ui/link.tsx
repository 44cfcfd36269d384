import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * Every link of the app: Next's link, prefetching only where a link asks for it. Next prefetches each link as it
 * scrolls into view, and every page here is rendered per request for its practitioner, so each prefetch is a render
 * on the server: a list of 25 invoices would ask for 25 of them at every view. The menus keep Next's prefetch
 * (`prefetch="auto"`: the route up to its loading placeholder), so that a click on the menu shows the placeholder at
 * once; other links fetch their page when clicked, and still navigate without reloading it.
 */
export default function Link({ prefetch = false, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}
