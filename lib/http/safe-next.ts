// Where to go after login: only a path of this origin. The value is parsed as a URL against the page's origin (as
// the browser would resolve it) and kept only if the result has the same origin; a path that a browser could still
// read as another host ("//host", "/\host") is refused too. Anything else goes to the dashboard.
export function safeNextPath(value: string | null | undefined, origin: string): string {
  if (!value) return "/";
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return "/";
  }
  if (url.origin !== new URL(origin).origin) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  return /^\/[/\\]/.test(path) || !path.startsWith("/") ? "/" : path;
}
