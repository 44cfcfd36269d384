import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { parseErrorCsv, parseErrorZip } from "./error-csv";

describe("DettaglioErrori CSV", () => {
  it('reads columns by header name, with "; " headers and an extra unnamed column (docs/STS-PROTOCOL.md §5)', () => {
    const csv =
      "CF PROPRIETARIO; COD REGIONE; COD ASL; COD SSA; PARTITA IVA; DATA EMISSIONE; DOCUMENTO FISCALE DISPOSITIVO; DOCUMENTO FISCALE NUMERO;; TIPO SPESA; CODICE ERRORE; DESCRIZIONE ERRORE\n" +
      "MSCDNL84S67L219P;;;;10356220011;21/12/2016;1;2016/0035;;;S011;IL CF DEL CITTADINO RISULTA FORMALMENTE ERRATO\n";
    expect(parseErrorCsv(csv)).toEqual([
      expect.objectContaining({
        cfProprietario: "MSCDNL84S67L219P",
        pIva: "10356220011",
        dataEmissione: "2016-12-21",
        dispositivo: 1,
        numDocumento: "2016/0035",
        tipoSpesa: "",
        code: "S011",
        description: "IL CF DEL CITTADINO RISULTA FORMALMENTE ERRATO",
      }),
    ]);
  });

  it("reads the 11-column layout from a ZIP, Latin-1 included", () => {
    const header =
      "CF PROPRIETARIO;COD REGIONE;COD ASL;COD SSA;PARTITA IVA;DATA EMISSIONE;DOCUMENTO FISCALE DISPOSITIVO;DOCUMENTO FISCALE NUMERO;TIPO SPESA;CODICE ERRORE;DESCRIZIONE ERRORE";
    const row = "MTOMRA66A41G224M;;;;65498732105;10/03/2026;1;12/2026;SP;W003;IL CF CITTADINO NON PRESENTE IN ARCHIVIO";
    const latin1 = Buffer.from(`${header}\r\n${row.replace("ARCHIVIO", "ARCHIVIO è")}\r\n`, "latin1");
    const rows = parseErrorZip(
      zipSync({ "a.csv": new Uint8Array(latin1), "b.csv": strToU8(`${header}\n${row}\n`), "note.txt": strToU8("x") }),
    );
    expect(rows.map((r) => [r.code, r.tipoSpesa, r.info.severity])).toEqual([
      ["W003", "SP", "warning"],
      ["W003", "SP", "warning"],
    ]);
    expect(rows[0].description).toBe("IL CF CITTADINO NON PRESENTE IN ARCHIVIO è");
  });
});
