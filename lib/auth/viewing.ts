import { cookies } from "next/headers";

// The practice an accountant is looking at: the id of an AccountantAccess, kept in a cookie of its own next to the
// session. The cookie alone grants nothing: every request looks the access up again with the session's own
// account as the accountant (lib/auth/session.ts), so a revoked access, or a cookie copied into another account's
// browser, is refused at the next request. While it is set, the session is read-only: no action built with
// `action(...)` runs and no page outside the accountant's set opens.
export const VIEWING_COOKIE = "parcella-studio";

export async function viewingAccessId(): Promise<string | null> {
  const value = (await cookies()).get(VIEWING_COOKIE)?.value;
  return value ? value : null;
}

/** Only from a server action (Next lets actions and route handlers set cookies, not pages). */
export async function setViewingAccess(accessId: string | null) {
  const jar = await cookies();
  if (accessId === null) jar.delete(VIEWING_COOKIE);
  else jar.set(VIEWING_COOKIE, accessId, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 12 * 60 * 60 });
}
