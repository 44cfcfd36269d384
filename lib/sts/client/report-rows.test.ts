import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsvTable, StsReportFormatError } from "./csv-table";
import { citizenReportRows, monthlyReportRows } from "./report-rows";

// The header sighted in STS's test environment, and two of its rows.
const SIGHTED =
  "CODICE REGIONE; CODICE ASL; CODICE SSA; CF PROPRIETARIO; PARTITA IVA; DATA EMISSIONE; DOCUMENTO FISCALE NUMERO; DOCUMENTO FISCALE DISPOSITIVO; DATA PAGAMENTO; PROTOCOLLO; NOME FILE; DATA INVIO; TIPO INVIO; TOTALE TK; TOTALE TK RIMBORSATO; TOTALE SP; TOTALE SP RIMBORSATO; \n" +
  ";;;MTOMRA66A41G224M;65498732105;03/09/2026;FT0001/2026;1;03/09/2026;99260903001861939;SERVIZIO SINCRONO;03/09/2026;I;0.0;0.0;402.0;0.0;\n" +
  ";;;MTOMRA66A41G224M;65498732105;01/12/2025;181;1;01/12/2025;99260903001862008;SERVIZIO SINCRONO;03/09/2026;V;0.0;0.0;40.0;5.5;\n";

const SIGHTED_ROWS = [
  {
    id: { pIva: "65498732105", dataEmissione: "2026-09-03", dispositivo: 1, numDocumento: "FT0001/2026" },
    cfProprietario: "MTOMRA66A41G224M",
    dataPagamento: "2026-09-03",
    protocollo: "99260903001861939",
    nomeFile: "SERVIZIO SINCRONO",
    dataInvio: "2026-09-03",
    tipoInvio: "I",
    totals: [{ tipoSpesa: "SP", amountCents: 40200 }],
    refundedTotals: [],
    extra: { "CODICE REGIONE": "", "CODICE ASL": "", "CODICE SSA": "" },
  },
  {
    id: { pIva: "65498732105", dataEmissione: "2025-12-01", dispositivo: 1, numDocumento: "181" },
    cfProprietario: "MTOMRA66A41G224M",
    dataPagamento: "2025-12-01",
    protocollo: "99260903001862008",
    nomeFile: "SERVIZIO SINCRONO",
    dataInvio: "2026-09-03",
    tipoInvio: "V",
    totals: [{ tipoSpesa: "SP", amountCents: 4000 }],
    refundedTotals: [{ tipoSpesa: "SP", amountCents: 550 }],
    extra: { "CODICE REGIONE": "", "CODICE ASL": "", "CODICE SSA": "" },
  },
];

/** Rewrites a CSV with its columns in another order and extra columns appended at given positions. */
function rearrange(csv: string, order: number[], extras: Array<{ at: number; name: string; value: string }>): string {
  const lines = csv.trim().split("\n");
  const cells = lines.map((line) => line.replace(/;\s*$/, "").split(";"));
  return cells
    .map((row, r) => {
      const out = order.map((i) => row[i] ?? "");
      for (const extra of extras) out.splice(Math.min(extra.at, out.length), 0, r === 0 ? extra.name : extra.value);
      return out.join(";");
    })
    .join("\n");
}

describe("monthly report rows", () => {
  it("reads the header sighted in STS's test environment", () => {
    expect(monthlyReportRows(parseCsvTable(SIGHTED))).toEqual(SIGHTED_ROWS);
  });

  it("reads the same rows whatever the column order, keeping extra columns in `extra`", () => {
    const columns = SIGHTED.split("\n")[0].replace(/;\s*$/, "").split(";").length;
    fc.assert(
      fc.property(
        fc.shuffledSubarray([...Array(columns).keys()], { minLength: columns, maxLength: columns }),
        fc.uniqueArray(
          fc.record({
            at: fc.nat({ max: columns }),
            name: fc.constantFrom("COLONNA NUOVA", "NOTE", "CODICE PRATICA"),
            value: fc.stringMatching(/^[A-Za-z0-9 ]{0,8}$/),
          }),
          { maxLength: 3, selector: (e) => e.name },
        ),
        (order, extras) => {
          const rows = monthlyReportRows(parseCsvTable(rearrange(SIGHTED, order, extras)));
          const added = Object.fromEntries(extras.map((e) => [e.name, e.value.trim()]));
          expect(rows).toEqual(SIGHTED_ROWS.map((row) => ({ ...row, extra: { ...row.extra, ...added } })));
        },
      ),
    );
  });

  it("takes totals of any expense type from TOTALE columns, and defaults the dispositivo to 1", () => {
    const csv =
      "Partita IVA;Data emissione;Documento fiscale numero;TOTALE AA;TOTALE AA RIMBORSATO\n12345678901;2026-01-05;X1;12,5;\n";
    expect(monthlyReportRows(parseCsvTable(csv))).toMatchObject([
      {
        id: { pIva: "12345678901", dataEmissione: "2026-01-05", dispositivo: 1, numDocumento: "X1" },
        totals: [{ tipoSpesa: "AA", amountCents: 1250 }],
        refundedTotals: [],
        extra: {},
      },
    ]);
  });

  it("refuses a report without the identity columns or with an unreadable amount", () => {
    expect(() => monthlyReportRows(parseCsvTable("PROTOCOLLO;TOTALE SP\n1;2.0\n"))).toThrow(
      /mancano le colonne PARTITA IVA, DATA EMISSIONE, DOCUMENTO FISCALE NUMERO/,
    );
    const bad = "PARTITA IVA;DATA EMISSIONE;DOCUMENTO FISCALE NUMERO;TOTALE SP\n12345678901;05/01/2026;1;dieci\n";
    expect(() => monthlyReportRows(parseCsvTable(bad))).toThrow(StsReportFormatError);
    expect(monthlyReportRows(parseCsvTable("PROTOCOLLO\n"))).toEqual([]);
  });
});

describe("citizen report rows", () => {
  it("reads the identity, the date and the text by name and keeps the rest", () => {
    const csv =
      "SEGNALAZIONE;DATA SEGNALAZIONE;DOCUMENTO FISCALE NUMERO;ALTRO;PARTITA IVA;DATA EMISSIONE\n" +
      "Importo errato;10/04/2026;12/2026;x;65498732105;10/03/2026\n";
    expect(citizenReportRows(parseCsvTable(csv))).toEqual([
      {
        id: { pIva: "65498732105", dataEmissione: "2026-03-10", dispositivo: 1, numDocumento: "12/2026" },
        cfProprietario: null,
        dataPagamento: null,
        protocollo: null,
        dataSegnalazione: "2026-04-10",
        segnalazione: "Importo errato",
        extra: { ALTRO: "x" },
      },
    ]);
  });
});
