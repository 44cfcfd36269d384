"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { logoutAction } from "@/app/(app)/actions";

export function LogoutButton() {
  const [pending, setPending] = useState(false);
  async function logout() {
    setPending(true);
    await logoutAction();
    await signOut({ callbackUrl: "/login" });
  }
  return (
    <button type="button" className="btn btn-secondary" onClick={logout} disabled={pending}>
      {pending ? "Uscita…" : "Esci"}
    </button>
  );
}
