export const TAX_REGIMES = ["ordinario", "forfettario"] as const;
export type TaxRegime = (typeof TAX_REGIMES)[number];
export type StsNaturaIva = "N4" | "N2.2";

/**
 * STS `naturaIVA` of every line (docs/STS-PROTOCOL.md §9): health services are VAT-exempt (N4); in the forfettario
 * regime the operation is outside VAT altogether (N2.2, "non soggette – altri casi").
 */
export function naturaIvaForRegime(regime: TaxRegime): StsNaturaIva {
  switch (regime) {
    case "ordinario":
      return "N4";
    case "forfettario":
      return "N2.2";
  }
}

/** The legal wording the invoice must carry instead of VAT. */
export function exemptionWording(regime: TaxRegime): string {
  switch (regime) {
    case "ordinario":
      return "Prestazione sanitaria esente da IVA ai sensi dell'art. 10, comma 1, n. 18, del DPR 633/1972.";
    case "forfettario":
      return (
        "Operazione effettuata ai sensi dell'art. 1, commi da 54 a 89, della Legge 190/2014 (regime forfettario): " +
        "operazione senza applicazione dell'IVA e non soggetta a ritenuta d'acconto."
      );
  }
}

/** Printed on the invoice when the patient opposes the transmission (docs/STS-PROTOCOL.md §10.3: it must be annotated
 * on the document). */
export const OPPOSITION_WORDING =
  "Il paziente ha espresso opposizione alla trasmissione dei dati di questa spesa al Sistema Tessera Sanitaria.";
