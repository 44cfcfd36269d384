import { PageLoading } from "@/components/shell/page-loading";

// In a route group of its own, so that it covers this page only: a page under a loading boundary is streamed, and a
// streamed page can no longer answer 404 — which the detail pages ([id]) must, for another practitioner's ids.
export default function Loading() {
  return <PageLoading />;
}
