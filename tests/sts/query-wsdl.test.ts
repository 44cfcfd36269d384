import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { StsExchange } from "../../lib/sts/client/exchange";
import {
  DETTAGLIO_SEGNALAZIONE_WSDL,
  INTERROGAZIONE_PUNTUALE_WSDL,
  REPORT_MENSILE_WSDL,
  REPORT_SEGNALAZIONI_WSDL,
} from "../../lib/sts/wsdl/interrogazioni";
import { admin, clientFor, invoice, startSimulator } from "./helpers";

const dir = mkdtempSync(join(tmpdir(), "sts-wsdl-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function hasXmllint(): boolean {
  try {
    execFileSync("xmllint", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** The WSDL's embedded schema as a standalone XSD file (the prefixes it uses are declared on <definitions>). */
function schemaFile(name: string, wsdl: string): string {
  const ns = /targetNamespace="([^"]+)"/.exec(wsdl)![1];
  const schema = /<xs:schema[\s\S]*<\/xs:schema>/
    .exec(wsdl)![0]
    .replace("<xs:schema ", `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="${ns}" `);
  const path = join(dir, `${name}.xsd`);
  writeFileSync(path, schema);
  return path;
}

/** Validates the SOAP Body's element against the schema; redacted payloads are put back as valid values first. */
function validate(schema: string, soap: string): void {
  const body = /<(?:[\w.-]+:)?Body[^>]*>([\s\S]*)<\/(?:[\w.-]+:)?Body>/
    .exec(soap)![1]
    .replace(/\[base64 omesso: \d+ byte\]/g, "UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==");
  const path = join(dir, `message-${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(path, `<?xml version="1.0" encoding="UTF-8"?>${body}`);
  execFileSync("xmllint", ["--noout", "--schema", schema, path], { stdio: "pipe" });
}

function validateExchange(schema: string, exchange: StsExchange): void {
  validate(schema, exchange.request);
  validate(schema, exchange.response ?? "");
}

describe("requests and answers of the query services conform to our own WSDLs (xmllint)", () => {
  it("for the four services, answers with and without content included", (context) => {
    if (!hasXmllint()) context.skip();
    return (async () => {
      const sim = await startSimulator();
      const client = clientFor(sim);
      const doc = invoice();
      await client.sendDocument(doc);
      await client.sendDocument({ ...invoice(), operation: "I" });
      await admin(sim, "citizen-reports", {
        id: doc.id,
        dataSegnalazione: "2026-04-10",
        segnalazioni: ["Importo errato"],
        voci: [{ tipoSpesa: "SP", segnalazioneImporto: "50.00" }],
      });
      const interrogazione = schemaFile("interrogazione", INTERROGAZIONE_PUNTUALE_WSDL);
      const mensile = schemaFile("mensile", REPORT_MENSILE_WSDL);
      const dettaglio = schemaFile("dettaglio", DETTAGLIO_SEGNALAZIONE_WSDL);
      const segnalazioni = schemaFile("segnalazioni", REPORT_SEGNALAZIONI_WSDL);

      const present = await client.queryDocument(doc.id);
      expect(present.kind).toBe("present");
      validateExchange(interrogazione, present.exchanges[0]);
      await client.sendDocument({ ...doc, operation: "C" });
      validateExchange(interrogazione, (await client.queryDocument(doc.id)).exchanges[0]);
      validateExchange(interrogazione, (await client.queryDocument({ ...doc.id, numDocumento: "X" })).exchanges[0]);
      const report = await client.getMonthlyReport({ month: "2026-03", tipoEstrazione: "P" });
      expect(report.kind === "ok" && report.rows.length).toBe(1);
      validateExchange(mensile, report.exchanges[0]);
      validateExchange(mensile, (await client.getMonthlyReport({ month: "2020-01" })).exchanges[0]);
      const detail = await client.getCitizenReport(doc.id);
      expect(detail.kind).toBe("reported");
      validateExchange(dettaglio, detail.exchanges[0]);
      const reports = await client.getCitizenReports({ from: "2026-04-01", to: "2026-04-30" });
      expect(reports.kind === "ok" && reports.rows.length).toBe(1);
      validateExchange(segnalazioni, reports.exchanges[0]);

      // The check can fail: a request without its pincode breaks the schema.
      expect(() =>
        validate(interrogazione, present.exchanges[0].request.replace("<pincode>[REDACTED]</pincode>", "")),
      ).toThrow();
    })();
  });
});
