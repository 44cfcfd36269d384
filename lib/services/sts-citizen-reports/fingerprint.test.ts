import { describe, expect, it } from "vitest";
import type { StsCitizenReportRow } from "../../sts/client/query-types";
import { fingerprintOf } from "./fingerprint";

const ROW: StsCitizenReportRow = {
  id: { pIva: "65498732105", dataEmissione: "2026-03-02", dispositivo: 1, numDocumento: "1-2026" },
  cfProprietario: "MTOMRA66A41G224M",
  dataPagamento: "2026-03-02",
  protocollo: "26030212345678901",
  dataSegnalazione: "2026-11-20",
  segnalazione: "Importo diverso",
  extra: { "VOCI SEGNALATE": "SP", "NOTE SIMULATORE": "x" },
};

describe("fingerprintOf", () => {
  it.each<[string, Partial<StsCitizenReportRow>, boolean]>([
    ["the same row", {}, true],
    ["unknown columns in another order", { extra: { "NOTE SIMULATORE": "x", "VOCI SEGNALATE": "SP" } }, true],
    ["a new protocollo (the document corrected since)", { protocollo: "26112012345678901" }, true],
    ["another payment date", { dataPagamento: "2026-03-03" }, true],
    ["another text", { segnalazione: "Tipo di spesa sbagliato" }, false],
    ["another day", { dataSegnalazione: "2026-11-21" }, false],
    ["another document", { id: { ...ROW.id, numDocumento: "2-2026" } }, false],
    ["another unknown column value", { extra: { "VOCI SEGNALATE": "AA", "NOTE SIMULATORE": "x" } }, false],
  ])("%s → same: %s", (_name, change, same) => {
    expect(fingerprintOf({ ...ROW, ...change }) === fingerprintOf(ROW)).toBe(same);
  });
});
