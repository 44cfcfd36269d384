import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { parseCsvTable, readReportPayload, StsReportFormatError } from "./csv-table";

describe("CSV read by header name", () => {
  it('reads "; " headers with a trailing ";", quoted cells, a BOM and CRLF', () => {
    const table = parseCsvTable(
      '\uFEFFPARTITA IVA; DATA EMISSIONE; NOTA;\r\n65498732105;01/02/2026;"uno; ""due""";\r\n\r\n65498732105;02/02/2026;\r\n',
    );
    expect(table.header).toEqual(["PARTITA IVA", "DATA EMISSIONE", "NOTA"]);
    expect(table.rows).toEqual([
      { "PARTITA IVA": "65498732105", "DATA EMISSIONE": "01/02/2026", NOTA: 'uno; "due"' },
      { "PARTITA IVA": "65498732105", "DATA EMISSIONE": "02/02/2026", NOTA: "" },
    ]);
  });

  it("keeps a quoted line break inside its cell, and names a repeated column apart", () => {
    const table = parseCsvTable('A;A;B\n1;2;"riga uno\nriga due"\n');
    expect(table.header).toEqual(["A", "A (2)", "B"]);
    expect(table.rows).toEqual([{ A: "1", "A (2)": "2", B: "riga uno\nriga due" }]);
  });

  it("reads the payload as a ZIP of CSV files or as the CSV itself, UTF-8 or Latin-1", () => {
    const csv = "PARTITA IVA;DESCRIZIONE\n65498732105;attività\n";
    const expected = [{ "PARTITA IVA": "65498732105", DESCRIZIONE: "attività" }];
    expect(readReportPayload(strToU8(csv)).rows).toEqual(expected);
    expect(readReportPayload(zipSync({ "report.csv": strToU8(csv) })).rows).toEqual(expected);
    expect(readReportPayload(new Uint8Array(Buffer.from(csv, "latin1"))).rows).toEqual(expected);
    const two = zipSync({ "b.csv": strToU8("PARTITA IVA\n2\n"), "a.csv": strToU8("partita iva\n1\n") });
    expect(readReportPayload(two).rows.map((r) => Object.values(r)[0])).toEqual(["1", "2"]);
  });

  it("refuses a ZIP that cannot be read and CSV files with different headers", () => {
    expect(() => readReportPayload(new Uint8Array([0x50, 0x4b, 3, 4, 0]))).toThrow(StsReportFormatError);
    const mixed = zipSync({ "a.csv": strToU8("A\n1\n"), "b.csv": strToU8("B\n2\n") });
    expect(() => readReportPayload(mixed)).toThrow(StsReportFormatError);
  });
});
