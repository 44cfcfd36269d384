// The client's address for the per-address limits. Next puts the socket's address in X-Forwarded-For when the
// request has none; a reverse proxy in front appends the address it saw. The last entry is the one written by the
// hop nearest to Parcella (the only one it can trust); exposed without a proxy, a client can choose the header
// itself, which is why the per-email throttle and the hashing bound do not depend on this.
export function clientAddress(headers: { get(name: string): string | null } | Record<string, unknown>): string {
  const raw =
    typeof (headers as { get?: unknown }).get === "function"
      ? (headers as { get(name: string): string | null }).get("x-forwarded-for")
      : (headers as Record<string, unknown>)["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : typeof raw === "string" ? raw : "";
  const last = value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .pop();
  return (last ?? "unknown").slice(0, 64);
}
