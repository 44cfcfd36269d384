"use client";

import Link from "@/components/ui/link";
import { useEffect, useRef } from "react";

// What a page shows when something unexpected went wrong while preparing it: what happened in plain Italian, a way
// to try again and a way back — never the error's text or stack (Next hides them in production anyway; the digest
// lets the server log be found).
export function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="card page-error" role="alert" aria-labelledby="page-error-title" data-testid="page-error">
      <h1 id="page-error-title" ref={heading} tabIndex={-1}>
        Qualcosa è andato storto
      </h1>
      <p>
        Non siamo riusciti a mostrare questa pagina. Puoi riprovare subito; se l&apos;errore si ripete, torna alla home
        e riprova più tardi.
      </p>
      <div className="page-error-actions">
        <button type="button" className="btn btn-primary" onClick={reset}>
          Riprova
        </button>
        <Link className="btn btn-secondary" href="/">
          Torna alla home
        </Link>
      </div>
      {error.digest ? (
        <p className="page-error-code">
          Se chiedi assistenza, indica questo codice: <code>{error.digest}</code>
        </p>
      ) : null}
    </section>
  );
}
