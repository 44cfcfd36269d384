import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { AppError } from "../app-error";
import { db } from "../db";
import { findLiveAccess } from "../data/accountant-access";
import { findPractitionerById } from "../data/practitioners";
import { authOptions } from "./options";
import { viewingAccessId } from "./viewing";

export type CurrentPractitioner = { id: string; name: string; email: string };

/** Whose data a read-only page shows: the owner's own session, or an accountant looking at a practice. */
export type Reader = { practitioner: CurrentPractitioner; accountant: CurrentPractitioner | null };

export const READ_ONLY_MESSAGE =
  "Con l'accesso da commercialista puoi solo consultare: questa operazione è riservata al titolare dello studio.";
const REVOKED_MESSAGE = "L'accesso a questo studio non è più attivo: scegli di nuovo lo studio.";
const EXPIRED_MESSAGE = "La sessione è scaduta: accedi di nuovo.";

// The session is checked against the database on every request: a deleted account or a session ended by
// logout (sessionVersion bumped) stops working at once, even though the JWT itself has not expired.
async function currentAccount(): Promise<CurrentPractitioner | null> {
  // Only ever at request time: when the build tries to prerender a page, reading the request's headers stops it here
  // (the page is dynamic), before the session secret is read — or generated into the build's folder, which is not
  // necessarily the running app's data folder (npm test's build wrote ./data/session-secret into the checkout).
  await headers();
  const session = await getServerSession(authOptions());
  if (!session?.practitionerId) return null;
  const practitioner = await findPractitionerById(db(), session.practitionerId);
  if (!practitioner || practitioner.sessionVersion !== session.sessionVersion) return null;
  return { id: practitioner.id, name: practitioner.name, email: practitioner.email };
}

// A page's layout and the page itself both ask who is reading: within one render the JWT is decoded and the account
// read once (React's cache is per request). Outside a render — server actions, route handlers — it is a plain call,
// so an action always sees the account as it is now.
const accountOfRender = cache(currentAccount);

async function loginRedirect(): Promise<never> {
  const path = (await headers()).get("x-parcella-path");
  redirect(path && path !== "/" ? `/login?next=${encodeURIComponent(path)}` : "/login");
}

// The owner's own session: refused while the account looks at another practice as its accountant.
async function ownSession(
  account: () => Promise<CurrentPractitioner | null>,
): Promise<CurrentPractitioner | "none" | "viewing"> {
  const current = await account();
  if (!current) return "none";
  return (await viewingAccessId()) ? "viewing" : current;
}

// For pages and layouts: no valid session → the login page, which comes back to the page asked for (the path
// is passed on by proxy.ts; the login form follows only same-origin paths). An accountant's session → the
// accountant's page.
export async function requirePractitionerPage(): Promise<CurrentPractitioner> {
  const own = await ownSession(accountOfRender);
  if (own === "none") return loginRedirect();
  if (own === "viewing") redirect("/commercialista");
  return own;
}

// For server actions (through lib/actions/action.ts) and route handlers: every one calls this itself (every
// export of a 'use server' file is a public endpoint). An accountant's session is refused here.
export async function requirePractitioner(): Promise<CurrentPractitioner> {
  const own = await ownSession(currentAccount);
  if (own === "none") throw new AppError("unauthenticated", EXPIRED_MESSAGE);
  if (own === "viewing") throw new AppError("forbidden", READ_ONLY_MESSAGE);
  return own;
}

/** The logged-in account itself, whatever practice it looks at (logout, switching practice, invitations). */
export async function requireAccount(): Promise<CurrentPractitioner> {
  const account = await currentAccount();
  if (!account) throw new AppError("unauthenticated", EXPIRED_MESSAGE);
  return account;
}

export async function optionalPractitioner(): Promise<CurrentPractitioner | null> {
  return accountOfRender();
}

// The read-only pages and routes (invoices, their PDFs and CSV, the STS log and receipts) serve the owner and
// the accountant alike. The accountant's access is looked up on every request, so a revocation refuses the next.
async function currentReader(
  accountOf: () => Promise<CurrentPractitioner | null>,
): Promise<Reader | "none" | "revoked"> {
  const account = await accountOf();
  if (!account) return "none";
  const accessId = await viewingAccessId();
  if (!accessId) return { practitioner: account, accountant: null };
  const access = await findLiveAccess(db(), { id: accessId, accountantId: account.id });
  return access ? { practitioner: access.practitioner, accountant: account } : "revoked";
}

const readerOfRender = cache(() => currentReader(accountOfRender));

export async function requireReaderPage(): Promise<Reader> {
  const reader = await readerOfRender();
  if (reader === "none") return loginRedirect();
  if (reader === "revoked") redirect("/commercialista");
  return reader;
}

export async function requireReader(): Promise<Reader> {
  const reader = await currentReader(currentAccount);
  if (reader === "none") throw new AppError("unauthenticated", EXPIRED_MESSAGE);
  if (reader === "revoked") throw new AppError("forbidden", REVOKED_MESSAGE);
  return reader;
}

/** For the accountant's own pages (choosing a practice, accepting an invitation). */
export async function requireAccountPage(): Promise<CurrentPractitioner> {
  const account = await accountOfRender();
  return account ?? loginRedirect();
}
