import { describe, expect, it } from "vitest";
import { SANITELCF_CERT_PEM } from "../../lib/sts/crypto/certs/sanitelcf-2024";
import { STS_PATHS } from "../../lib/sts/environments";
import { leadingOwnerCipher } from "../../lib/sts/simulator/services";
import {
  admin,
  clientFor,
  encryptForSimulator,
  fileOf,
  invoice,
  KIT_CREDENTIALS,
  startSimulator,
  tamperedFile,
} from "./helpers";

describe("inviaFileMtom against the simulator", () => {
  it("accepts an MTOM upload with a 17-digit test protocollo and an STS timestamp", async () => {
    const now = new Date("2026-03-12T09:30:00Z");
    const sim = await startSimulator({ now: () => now });
    const file = fileOf([invoice()]);
    const result = await clientFor(sim).uploadFile(file);
    expect(result.kind).toBe("accepted");
    if (result.kind !== "accepted") return;
    expect(result.protocollo).toMatch(/^99260312\d{9}$/);
    expect(result.dataAccoglienza).toBe("12-03-2026 10:30:00");
    expect(result.fileSize).toBe(file.zip.length);
    const request = result.exchanges[0].request;
    expect(request).toContain("xop:Include");
    expect(request).toContain("<pincodeInvianteCifrato>[REDACTED]</pincodeInvianteCifrato>");
    expect(request).toContain(`allegato MTOM ${file.fileName}: ${file.zip.length} byte`);
    expect(JSON.stringify(result.exchanges)).not.toMatch(/Salve123|3489543096|Authorization/i);
  });

  it("accepts inline base64 through the client", async () => {
    const sim = await startSimulator();
    const result = await clientFor(sim).uploadFile({ ...fileOf([invoice()]), transport: "inline" });
    expect(result.kind).toBe("accepted");
    if (result.kind === "accepted")
      expect(result.exchanges[0].request).toMatch(/<documento>\[base64 omesso: \d+ byte\]<\/documento>/);
  });

  it("accepts a raw inline-base64 request (no MTOM), under the /entrate prefix too", async () => {
    const sim = await startSimulator();
    const file = fileOf([invoice()]);
    const envelope = `<?xml version="1.0"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ejb="http://ejb.invioTelematicoSS730p.sanita.finanze.it/"><soapenv:Header/><soapenv:Body><ejb:inviaFileMtom>
      <nomeFileAllegato>${file.fileName}</nomeFileAllegato>
      <pincodeInvianteCifrato>${encryptForSimulator(KIT_CREDENTIALS.pincode).replace(/(.{64})/g, "$1\n")}</pincodeInvianteCifrato>
      <datiProprietario><cfProprietario>MTOMRA66A41G224M</cfProprietario></datiProprietario>
      <opzionale1></opzionale1><opzionale2></opzionale2><opzionale3></opzionale3>
      <documento>${Buffer.from(file.zip).toString("base64")}</documento>
    </ejb:inviaFileMtom></soapenv:Body></soapenv:Envelope>`;
    for (const prefix of ["", "/entrate"]) {
      const response = await fetch(`${sim.url}${prefix}${STS_PATHS.inviaFileMtom}`, {
        method: "POST",
        headers: {
          "content-type": "text/xml; charset=utf-8",
          SOAPAction: '""',
          authorization: `Basic ${Buffer.from("MTOMRA66A41G224M:Salve123").toString("base64")}`,
        },
        body: envelope.replace(file.fileName, prefix ? `e-${file.fileName}` : file.fileName),
      });
      const text = await response.text();
      expect(response.status).toBe(200);
      expect(text).toContain("<codiceEsito>000</codiceEsito>");
      expect(text).toMatch(/<protocollo>99\d{15}<\/protocollo>/);
    }
    expect((await admin(sim, "counts")).submissions).toBe(2);
  });

  const codeCases: Array<
    [
      string,
      string,
      (ctx: { sim: Awaited<ReturnType<typeof startSimulator>> }) => Promise<unknown>,
      "credentials" | "permanent",
    ]
  > = [
    [
      "101",
      "file name too short",
      ({ sim }) => clientFor(sim).uploadFile({ ...fileOf([invoice()]), fileName: "a.zip" }),
      "permanent",
    ],
    [
      "101",
      "file name not ending in .zip",
      ({ sim }) => clientFor(sim).uploadFile({ ...fileOf([invoice()]), fileName: "documenti.xml" }),
      "permanent",
    ],
    [
      "102",
      "attachment is not a ZIP",
      ({ sim }) =>
        clientFor(sim).uploadFile({ fileName: "documenti.zip", zip: new TextEncoder().encode("<precompilata/>") }),
      "permanent",
    ],
    [
      "103",
      "empty attachment",
      ({ sim }) => clientFor(sim).uploadFile({ fileName: "documenti.zip", zip: new Uint8Array(0) }),
      "permanent",
    ],
    [
      "108",
      "attachment over 5 MB",
      ({ sim }) =>
        clientFor(sim, { timeoutMs: 20000 }).uploadFile({
          fileName: "grande.zip",
          zip: new Uint8Array(5 * 1024 * 1024 + 1).fill(80),
        }),
      "permanent",
    ],
    [
      "010",
      "cfProprietario in the request differs from the user",
      ({ sim }) =>
        clientFor(sim, { credentials: { cfProprietario: "RSSMRA80A01H501U" } }).uploadFile(fileOf([invoice()])),
      "credentials",
    ],
    [
      "110",
      "cfProprietario in the file differs from the user",
      ({ sim }) => clientFor(sim).uploadFile(fileOf([invoice()], { cfProprietario: "RSSMRA80A01H501U" })),
      "credentials",
    ],
    [
      "002",
      "pincode encrypted with another key",
      ({ sim }) => clientFor(sim, { certificatePem: SANITELCF_CERT_PEM }).uploadFile(fileOf([invoice()])),
      "credentials",
    ],
    [
      "104",
      "wrong pincode",
      ({ sim }) => clientFor(sim, { credentials: { pincode: "0000000000" } }).uploadFile(fileOf([invoice()])),
      "credentials",
    ],
    [
      "005",
      "pincode no longer active",
      async ({ sim }) => {
        await admin(sim, "config", { users: [{ ...KIT_CREDENTIALS, pIva: "65498732105", pinActive: false }] });
        return clientFor(sim).uploadFile(fileOf([invoice()]));
      },
      "credentials",
    ],
  ];

  for (const [code, label, run, kind] of codeCases) {
    it(`answers ${code} for ${label}, classified ${kind}`, async () => {
      const sim = await startSimulator();
      const result = (await run({ sim })) as {
        kind: string;
        code: string | null;
        exchanges: Array<{ response: string | null }>;
      };
      expect(result.kind).toBe(kind);
      expect(result.code).toBe(code);
      expect(result.exchanges[0].response).toContain(`<codiceEsito>${code}</codiceEsito>`);
      expect((await admin(sim, "counts")).submissions).toBe(0);
    });
  }

  // The simulator's quick owner check at upload (leadingOwnerCipher) must give the answers of the full parse.
  it("finds the owner at the head of the files Parcella builds, and not when something comes before it", () => {
    expect(leadingOwnerCipher(fileOf([invoice()]).zip)).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    const commented = tamperedFile([invoice()], (xml) => xml.replace("<proprietario>", "<!-- nota --><proprietario>"));
    expect(leadingOwnerCipher(commented.zip)).toBeNull();
  });

  it("answers 110 for another owner also when the owner is not at the head of the file", async () => {
    const sim = await startSimulator();
    const other = encryptForSimulator("RSSMRA80A01H501U");
    const file = tamperedFile([invoice()], (xml) =>
      xml.replace(/<proprietario>\s*<cfProprietario>[^<]*</, `<!-- nota --><proprietario><cfProprietario>${other}<`),
    );
    const result = await clientFor(sim).uploadFile(file);
    expect(result.kind).toBe("credentials");
    expect(result.exchanges[0].response).toContain("<codiceEsito>110</codiceEsito>");
    expect((await admin(sim, "counts")).submissions).toBe(0);
  });

  it("accepts a file with the right owner and unreadable content after it: processing judges it", async () => {
    const sim = await startSimulator();
    const file = tamperedFile([invoice()], (xml) => xml.replace("</precompilata>", ""));
    expect(leadingOwnerCipher(file.zip)).not.toBeNull();
    const result = await clientFor(sim).uploadFile(file);
    expect(result.kind).toBe("accepted");
    expect((await admin(sim, "counts")).submissions).toBe(1);
  });

  it("answers an authentication SOAP fault for a wrong password, classified credentials", async () => {
    const sim = await startSimulator();
    const result = await clientFor(sim, { credentials: { password: "Sbagliata1" } }).uploadFile(fileOf([invoice()]));
    expect(result.kind).toBe("credentials");
    if (result.kind !== "credentials") return;
    expect(result.exchanges[0].httpStatus).toBe(500);
    expect(result.exchanges[0].response).toContain("Errore generico di autenticazione");
    expect(result.message).not.toContain("Sbagliata1");
  });

  it("answers the same fault for an unknown user", async () => {
    const sim = await startSimulator();
    const result = await clientFor(sim, { credentials: { username: "PROVAX00X00X000Y" } }).uploadFile(
      fileOf([invoice()]),
    );
    expect(result.kind).toBe("credentials");
  });
});
