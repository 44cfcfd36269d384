import { NextResponse, type NextRequest } from "next/server";

// Runs before every page and route: a fresh nonce per request for the Content-Security-Policy, so scripts run only
// when Next marked them with it (its own inline bootstrap included) — no 'unsafe-inline' for scripts. Next reads
// the nonce from the request's CSP header while rendering; the root layout reads the headers, so every page is
// rendered per request. The dev server also needs 'unsafe-eval' (React's debugging). Styles keep 'unsafe-inline'
// (React's style attributes); no third-party origin is ever allowed.
//
// It also passes the requested path on (x-parcella-path), so that a page asking for a session sends the browser to
// the login with `next` set to where it was going.
export function contentSecurityPolicy(nonce: string, isDev = process.env.NODE_ENV === "development"): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", policy);
  headers.set("x-parcella-path", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
