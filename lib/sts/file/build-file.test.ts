import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { StsValidationError } from "../errors";
import type { StsDocument } from "../types";
import { parseXml, type XmlNode } from "../xml";
import { buildPrecompilataXml, buildStsFile, zipStsXml } from "./build-file";
import { parsePrecompilataXml } from "./parse-file";

const fakeEncrypt = (plain: string) => `{enc(${plain})}`;
const owner = { cfProprietario: "MTOMRA66A41G224M" };
const id = (dataEmissione: string, numDocumento: string) => ({
  pIva: "65498732105",
  dataEmissione,
  dispositivo: 1,
  numDocumento,
});
const sp = [{ tipoSpesa: "SP" as const, amountCents: 7000, naturaIVA: "N4" }];

const COMPOSITE: StsDocument[] = [
  {
    operation: "I",
    id: id("2025-03-10", "12/2025"),
    dataPagamento: "2025-03-10",
    cfCittadino: "RSSMRA80A01H501U",
    pagamentoTracciato: "SI",
    tipoDocumento: "F",
    flagOpposizione: false,
    items: sp,
  },
  {
    operation: "I",
    id: id("2025-03-11", "13/2025"),
    dataPagamento: "2025-03-11",
    pagamentoTracciato: "SI",
    tipoDocumento: "F",
    flagOpposizione: true,
    items: sp,
  },
  {
    operation: "R",
    id: id("2025-04-02", "1-NC-2025"),
    refundOf: id("2025-03-10", "12/2025"),
    dataPagamento: "2025-04-02",
    cfCittadino: "RSSMRA80A01H501U",
    pagamentoTracciato: "SI",
    tipoDocumento: "F",
    flagOpposizione: false,
    items: [{ tipoSpesa: "SP", amountCents: 2000, naturaIVA: "N4" }],
  },
  {
    operation: "V",
    id: id("2025-03-10", "12/2025"),
    dataPagamento: "2025-03-08",
    cfCittadino: "RSSMRA80A01H501U",
    pagamentoTracciato: "NO",
    tipoDocumento: "F",
    flagOpposizione: false,
    items: [{ tipoSpesa: "SP", amountCents: 8050, aliquotaIVA: "22.00" }],
  },
  {
    operation: "C",
    id: id("2025-03-11", "13/2025"),
    dataPagamento: "2025-03-11",
    pagamentoTracciato: "SI",
    tipoDocumento: "F",
    flagOpposizione: true,
    items: sp,
  },
];

/** Element tree as [name, text or children] for an exact comparison with docs/STS-PROTOCOL.md §9.2. */
function shape(node: XmlNode): unknown {
  return node.children.length ? [node.name, node.children.map(shape)] : [node.name, node.text];
}
const idShape = (name: string, date: string, num: string) => [
  name,
  [
    ["pIva", "65498732105"],
    ["dataEmissione", date],
    [
      "numDocumentoFiscale",
      [
        ["dispositivo", "1"],
        ["numDocumento", num],
      ],
    ],
  ],
];
const voce = (importo: string, vat: [string, string]) => [
  "voceSpesa",
  [["tipoSpesa", "SP"], ["importo", importo], vat],
];

describe("precompilata data file", () => {
  it("matches the composite example of docs/STS-PROTOCOL.md §9.2 element by element (I, I with opposition, R, V, C)", () => {
    const xml = buildPrecompilataXml({ owner, documents: COMPOSITE, encrypt: fakeEncrypt });
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<precompilata xsi:noNamespaceSchemaLocation="730_precompilata.xsd" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
      ),
    ).toBe(true);
    expect(shape(parseXml(xml))).toEqual([
      "precompilata",
      [
        ["proprietario", [["cfProprietario", "{enc(MTOMRA66A41G224M)}"]]],
        [
          "documentoSpesa",
          [
            idShape("idSpesa", "2025-03-10", "12/2025"),
            ["dataPagamento", "2025-03-10"],
            ["flagOperazione", "I"],
            ["cfCittadino", "{enc(RSSMRA80A01H501U)}"],
            ["pagamentoTracciato", "SI"],
            ["tipoDocumento", "F"],
            ["flagOpposizione", "0"],
            voce("70.00", ["naturaIVA", "N4"]),
          ],
        ],
        [
          "documentoSpesa",
          [
            idShape("idSpesa", "2025-03-11", "13/2025"),
            ["dataPagamento", "2025-03-11"],
            ["flagOperazione", "I"],
            ["pagamentoTracciato", "SI"],
            ["tipoDocumento", "F"],
            ["flagOpposizione", "1"],
            voce("70.00", ["naturaIVA", "N4"]),
          ],
        ],
        [
          "documentoSpesa",
          [
            idShape("idSpesa", "2025-04-02", "1-NC-2025"),
            idShape("idRimborso", "2025-03-10", "12/2025"),
            ["dataPagamento", "2025-04-02"],
            ["flagOperazione", "R"],
            ["cfCittadino", "{enc(RSSMRA80A01H501U)}"],
            ["pagamentoTracciato", "SI"],
            ["tipoDocumento", "F"],
            ["flagOpposizione", "0"],
            voce("20.00", ["naturaIVA", "N4"]),
          ],
        ],
        [
          "documentoSpesa",
          [
            idShape("idSpesa", "2025-03-10", "12/2025"),
            ["dataPagamento", "2025-03-08"],
            ["flagPagamentoAnticipato", "1"],
            ["flagOperazione", "V"],
            ["cfCittadino", "{enc(RSSMRA80A01H501U)}"],
            ["pagamentoTracciato", "NO"],
            ["tipoDocumento", "F"],
            ["flagOpposizione", "0"],
            voce("80.50", ["aliquotaIVA", "22.00"]),
          ],
        ],
        [
          "documentoSpesa",
          [
            idShape("idSpesa", "2025-03-11", "13/2025"),
            ["dataPagamento", "2025-03-11"],
            ["flagOperazione", "C"],
            ["pagamentoTracciato", "SI"],
            ["tipoDocumento", "F"],
            ["flagOpposizione", "1"],
            voce("70.00", ["naturaIVA", "N4"]),
          ],
        ],
      ],
    ]);
  });

  it("zips one XML entry with the same base name, and the parser reads the documents back", () => {
    const file = buildStsFile({ fileName: "invio-2025.zip", owner, documents: COMPOSITE, encrypt: fakeEncrypt });
    const entries = unzipSync(file.zip);
    expect(Object.keys(entries)).toEqual(["invio-2025.xml"]);
    const parsed = parsePrecompilataXml(strFromU8(entries["invio-2025.xml"]));
    expect(
      parsed.documents.map((d) => [d.operation, d.id.numDocumento, d.items[0].amountCents, d.flagOpposizione]),
    ).toEqual([
      ["I", "12/2025", 7000, false],
      ["I", "13/2025", 7000, true],
      ["R", "1-NC-2025", 2000, false],
      ["V", "12/2025", 8050, false],
      ["C", "13/2025", 7000, true],
    ]);
    expect(parsed.documents[2].refundOf).toEqual(id("2025-03-10", "12/2025"));
  });

  it("escapes XML special characters", () => {
    const xml = buildPrecompilataXml({
      owner,
      documents: COMPOSITE.slice(0, 1),
      encrypt: () => "a<b>&\"c'",
      opzionali: { opzionale1: 'Rossi & Figli <srl> "x"' },
    });
    expect(xml).toContain("<opzionale1>Rossi &amp; Figli &lt;srl&gt; &quot;x&quot;</opzionale1>");
    expect(xml).toContain("<cfCittadino>a&lt;b&gt;&amp;&quot;c&apos;</cfCittadino>");
    expect(parsePrecompilataXml(xml).opzionali.opzionale1).toBe('Rossi & Figli <srl> "x"');
  });

  const invalid: Array<[string, Partial<StsDocument>, RegExp]> = [
    ["missing CF without opposition", { cfCittadino: undefined }, /manca il codice fiscale del paziente/],
    ["CF with opposition", { flagOpposizione: true }, /opposto all'invio/],
    ["CF with a wrong check character", { cfCittadino: "RSSMRA80A01H501V" }, /non è formalmente corretto/],
    ["zero amount", { items: [{ tipoSpesa: "SP", amountCents: 0, naturaIVA: "N4" }] }, /maggiore di zero/],
    ["negative amount", { items: [{ tipoSpesa: "SP", amountCents: -500, naturaIVA: "N4" }] }, /maggiore di zero/],
    ["fractional cents", { items: [{ tipoSpesa: "SP", amountCents: 70.5, naturaIVA: "N4" }] }, /maggiore di zero/],
    ["bad numDocumento", { id: id("2025-03-10", "fattura n° 12") }, /numero del documento/],
    ["numDocumento too long", { id: id("2025-03-10", "123456789012345678901") }, /numero del documento/],
    ["refund without the original", { operation: "R" }, /documento rimborsato/],
    [
      "refund paid on another day",
      { operation: "R", refundOf: id("2025-01-01", "1"), dataPagamento: "2025-03-11" },
      /deve coincidere/,
    ],
    [
      "both natura and aliquota",
      { items: [{ tipoSpesa: "SP", amountCents: 100, naturaIVA: "N4", aliquotaIVA: "22.00" }] },
      /non entrambe/,
    ],
    ["no VAT information", { items: [{ tipoSpesa: "SP", amountCents: 100 }] }, /natura IVA/],
    ["missing pagamentoTracciato for SP", { pagamentoTracciato: undefined }, /pagamento è tracciato/],
    ["impossible date", { dataPagamento: "2025-02-30" }, /data di pagamento/],
  ];
  for (const [label, change, message] of invalid) {
    it(`refuses ${label} with a typed Italian error`, () => {
      const documents = [{ ...COMPOSITE[0], ...change }];
      try {
        buildStsFile({ fileName: "invio-2025.zip", owner, documents, encrypt: fakeEncrypt });
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(StsValidationError);
        expect((error as StsValidationError).issues[0].documentIndex).toBe(0);
        expect((error as Error).message).toMatch(message);
      }
    });
  }

  it("enforces the file name rules and the 5 MB limit", () => {
    for (const name of ["a.zip", "documenti.xml", `${"x".repeat(57)}.zip`, "fattùre.zip"]) {
      expect(() => zipStsXml(name, "<precompilata/>")).toThrow(/da 6 a 60 caratteri/);
    }
    expect(zipStsXml(`${"x".repeat(56)}.zip`, "<a/>").fileName).toHaveLength(60);
    const random = randomBytes(6 * 1024 * 1024).toString("base64"); // incompressible: the ZIP stays above 5 MB
    expect(() => zipStsXml("grande.zip", random)).toThrow(/supera 5 MB/);
  });

  it("validates against lib/sts/schemas/730_precompilata.xsd with xmllint when it is installed", (context) => {
    try {
      execFileSync("xmllint", ["--version"], { stdio: "ignore" });
    } catch {
      context.skip();
    }
    const dir = mkdtempSync(join(tmpdir(), "sts-xsd-"));
    const path = join(dir, "file.xml");
    writeFileSync(
      path,
      buildPrecompilataXml({ owner, documents: COMPOSITE, encrypt: (p) => Buffer.from(p).toString("base64") }),
    );
    const schema = join(__dirname, "..", "schemas", "730_precompilata.xsd");
    expect(() => execFileSync("xmllint", ["--noout", "--schema", schema, path], { stdio: "pipe" })).not.toThrow();
    writeFileSync(path, "<precompilata><documentoSpesa/></precompilata>");
    expect(() => execFileSync("xmllint", ["--noout", "--schema", schema, path], { stdio: "pipe" })).toThrow();
  });

  it("the parser refuses what the schema refuses (element order, patterns)", () => {
    const xml = buildPrecompilataXml({ owner, documents: COMPOSITE.slice(0, 1), encrypt: fakeEncrypt });
    expect(() =>
      parsePrecompilataXml(
        xml.replace(
          /<dataPagamento>(.*?)<\/dataPagamento><flagOperazione>I<\/flagOperazione>/,
          "<flagOperazione>I</flagOperazione><dataPagamento>$1</dataPagamento>",
        ),
      ),
    ).toThrow(/manca l'elemento dataPagamento|inatteso/);
    expect(() => parsePrecompilataXml(xml.replace("<importo>70.00</importo>", "<importo>70</importo>"))).toThrow(
      /importo/,
    );
    expect(() => parsePrecompilataXml("<precompilata><proprietario/>")).toThrow();
  });
});
