import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AppError } from "../app-error";
import { db } from "../db";
import { findPractitionerById } from "../data/practitioners";
import { authOptions } from "./options";

export type CurrentPractitioner = { id: string; name: string; email: string };

// The session is checked against the database on every request: a deleted account or a session ended by
// logout (sessionVersion bumped) stops working at once, even though the JWT itself has not expired.
async function currentPractitioner(): Promise<CurrentPractitioner | null> {
  const session = await getServerSession(authOptions());
  if (!session?.practitionerId) return null;
  const practitioner = await findPractitionerById(db(), session.practitionerId);
  if (!practitioner || practitioner.sessionVersion !== session.sessionVersion) return null;
  return { id: practitioner.id, name: practitioner.name, email: practitioner.email };
}

// For pages and layouts: no valid session → the login page, which comes back to the page asked for (the path
// is passed on by proxy.ts; the login form follows only same-origin paths).
export async function requirePractitionerPage(): Promise<CurrentPractitioner> {
  const practitioner = await currentPractitioner();
  if (!practitioner) {
    const path = (await headers()).get("x-parcella-path");
    redirect(path && path !== "/" ? `/login?next=${encodeURIComponent(path)}` : "/login");
  }
  return practitioner;
}

// For server actions and route handlers: every one calls this itself (every export of a 'use server' file is a
// public endpoint).
export async function requirePractitioner(): Promise<CurrentPractitioner> {
  const practitioner = await currentPractitioner();
  if (!practitioner) throw new AppError("unauthenticated", "La sessione è scaduta: accedi di nuovo.");
  return practitioner;
}

export async function optionalPractitioner(): Promise<CurrentPractitioner | null> {
  return currentPractitioner();
}
