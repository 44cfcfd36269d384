import NextAuth from "next-auth";
import { loginGate } from "@/lib/auth/login-gate";
import { authOptions } from "@/lib/auth/options";
import { HASHING_BUSY } from "@/lib/auth/password";

type Context = { params: Promise<{ nextauth: string[] }> };

function handler(req: Request, ctx: Context) {
  return NextAuth(authOptions())(req, ctx);
}

// A login (the credentials callback) first takes its turn at the gate (lib/auth/login-gate.ts); refused, it is
// answered the way next-auth answers a failed login to its client (a JSON url carrying the message as `error`),
// without parsing anything.
async function post(req: Request, ctx: Context) {
  const url = new URL(req.url);
  if (url.pathname.endsWith("/callback/credentials") && !(await loginGate().enter())) {
    const error = new URL("/api/auth/error", url.origin);
    error.searchParams.set("error", HASHING_BUSY);
    return Response.json({ url: error.toString() }, { status: 429, headers: { "Retry-After": "4" } });
  }
  return handler(req, ctx);
}

export { handler as GET, post as POST };
