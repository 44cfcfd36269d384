import type { StsFix } from "../../sts/codes";

export type FixTarget = { kind: "link"; href: string; label: string } | { kind: "text"; text: string };

export type FixContext = {
  patientId?: string | null;
  invoice?: { id: string; kind: string; status: string } | null;
};

/** Where the user goes to fix what an STS code reports (one click from the error to the fix: docs/STS-TRANSMISSION.md,
 * "Failures"). */
export function fixTarget(fix: StsFix, context: FixContext = {}): FixTarget | null {
  switch (fix) {
    case "credentials":
      return { kind: "link", href: "/impostazioni/sts", label: "Controlla le credenziali STS" };
    case "profile":
      return { kind: "link", href: "/impostazioni/profilo", label: "Controlla il profilo" };
    case "patient":
      return context.patientId
        ? { kind: "link", href: `/pazienti/${context.patientId}`, label: "Correggi la scheda del paziente" }
        : null;
    case "invoice": {
      const invoice = context.invoice;
      if (!invoice) return null;
      // Only invoices that are not void can be edited; credit notes and void invoices open their page instead.
      const editable = invoice.kind === "invoice" && invoice.status !== "void";
      return editable
        ? { kind: "link", href: `/fatture/${invoice.id}/modifica`, label: "Correggi la fattura" }
        : { kind: "link", href: `/fatture/${invoice.id}`, label: "Apri il documento" };
    }
    case "retry":
      return { kind: "text", text: "Verrà ritentato automaticamente" };
    case "support":
      return { kind: "text", text: "Contatta l'assistenza" };
    case "none":
      return null;
  }
}
