import type { DifferenceKind, Fix } from "@/lib/domain/sts/reconciliation";

export const DIFFERENCE_TEXT: Record<DifferenceKind, string> = {
  missing_on_sts: "Manca sul Sistema TS",
  refund_missing: "Rimborso (nota di credito) mancante sul Sistema TS",
  cancelled_on_sts: "Annullato sul Sistema TS: la detrazione del paziente non c'è più",
  amount_different: "Importo o tipo di spesa diversi sul Sistema TS",
  void_still_on_sts: "Annullato in Parcella, ancora presente sul Sistema TS",
  unknown_to_parcella: "Sul Sistema TS, ma non inviato da Parcella",
};

export const FIX_TEXT: Record<Fix, string> = {
  send: "Invia",
  send_variazione: "Invia variazione",
  send_cancellation: "Invia cancellazione",
  adopt: "Segna come già inviato",
  open: "Apri e correggi",
};
