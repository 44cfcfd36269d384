import { describe, expect, it } from "vitest";
import { StsValidationError } from "../../lib/sts/errors";
import type { StsDocumentId } from "../../lib/sts/types";
import {
  admin,
  clientFor,
  fileOf,
  invoice,
  KIT_CREDENTIALS,
  PATIENT_CF,
  PIVA,
  startSimulator,
  upload,
} from "./helpers";

const OTHER_USER = {
  username: "BNCLRA85M41F205X",
  password: "Altra123",
  pincode: "1122334455",
  cfProprietario: "BNCLRA85M41F205X",
};

describe("InterrogazionePuntuale against the simulator", () => {
  it("answers present with what a synchronous Inserimento stored, then the variation replaces it", async () => {
    const now = new Date("2026-03-12T10:00:00Z");
    const sim = await startSimulator({ now: () => now });
    const client = clientFor(sim);
    const doc = invoice({ items: [{ tipoSpesa: "SP", amountCents: 7050, naturaIVA: "N4" }] });
    const sent = await client.sendDocument(doc);
    if (sent.kind !== "accepted") throw new Error(sent.kind);
    const found = await client.queryDocument(doc.id);
    expect(found).toMatchObject({
      kind: "present",
      document: {
        id: doc.id,
        dataPagamento: doc.dataPagamento,
        totals: [{ tipoSpesa: "SP", amountCents: 7050 }],
        refundedTotals: [],
        protocollo: sent.protocollo,
        nomeFile: "SERVIZIO SINCRONO",
        dataInvio: "2026-03-12",
        tipoInvio: "I",
        errors: [],
      },
      messages: [{ code: "0" }],
    });
    const request = found.exchanges[0].request;
    expect(request).toContain("<pincode>[REDACTED]</pincode>");
    expect(request).toContain("<cfProprietario>[REDACTED]</cfProprietario>");
    expect(request).toContain('xmlns="http://interrogazionepuntuale.p730.sanita.finanze.it"');
    expect(JSON.stringify(found.exchanges)).not.toMatch(/Salve123|3489543096|MTOMRA66A41G224M/);

    const varied = await client.sendDocument({
      ...doc,
      operation: "V",
      dataPagamento: "2026-03-15",
      items: [
        { tipoSpesa: "SP", amountCents: 9000, naturaIVA: "N4" },
        { tipoSpesa: "AA", amountCents: 1000, naturaIVA: "N4" },
      ],
    });
    if (varied.kind !== "accepted") throw new Error(varied.kind);
    expect(await client.queryDocument(doc.id)).toMatchObject({
      kind: "present",
      document: {
        dataPagamento: "2026-03-15",
        totals: [
          { tipoSpesa: "SP", amountCents: 9000 },
          { tipoSpesa: "AA", amountCents: 1000 },
        ],
        protocollo: varied.protocollo,
        tipoInvio: "V",
      },
    });
  });

  it("answers present for a document of an uploaded file, with the file name and its warnings", async () => {
    const sim = await startSimulator({ notInRegistryCfs: [PATIENT_CF] });
    const client = clientFor(sim);
    const doc = invoice();
    const file = fileOf([doc]);
    const protocollo = await upload(client, file);
    const found = await client.queryDocument(doc.id);
    expect(found).toMatchObject({
      kind: "present",
      document: { protocollo, nomeFile: file.fileName, tipoInvio: "I", errors: [{ code: "W003", tipo: "W" }] },
    });
    if (found.kind === "present") expect(found.document.errors[0].info.severity).toBe("warning");
  });

  it("reports refunded totals on the original, and the refund as a document of its own", async () => {
    const sim = await startSimulator();
    const client = clientFor(sim);
    const original = invoice({ items: [{ tipoSpesa: "SP", amountCents: 8000, naturaIVA: "N4" }] });
    await client.sendDocument(original);
    const refund = (numDocumento: string, amountCents: number) =>
      invoice({
        operation: "R",
        refundOf: original.id,
        id: { ...original.id, dataEmissione: "2026-04-02", numDocumento },
        dataPagamento: "2026-04-02",
        items: [{ tipoSpesa: "SP", amountCents, naturaIVA: "N4" }],
      });
    const first = refund("NC-1-2026", 2000);
    await upload(client, fileOf([first]));
    await client.sendDocument(refund("NC-2-2026", 550));
    expect(await client.queryDocument(original.id)).toMatchObject({
      kind: "present",
      document: { totals: [{ tipoSpesa: "SP", amountCents: 8000 }], refundedTotals: [{ amountCents: 2550 }] },
    });
    expect(await client.queryDocument(first.id)).toMatchObject({
      kind: "present",
      document: { tipoInvio: "R", totals: [{ tipoSpesa: "SP", amountCents: 2000 }], refundedTotals: [] },
    });
    // A cancelled refund no longer counts; a varied one counts with its new amount.
    await client.sendDocument({ ...first, operation: "C", refundOf: undefined });
    expect(await client.queryDocument(original.id)).toMatchObject({
      document: { refundedTotals: [{ tipoSpesa: "SP", amountCents: 550 }] },
    });
    const second = refund("NC-2-2026", 700);
    await client.sendDocument({ ...second, operation: "V", refundOf: undefined });
    expect(await client.queryDocument(original.id)).toMatchObject({
      document: { refundedTotals: [{ tipoSpesa: "SP", amountCents: 700 }] },
    });
  });

  it("answers cancelled (W010) for a cancelled document and absent (WS96) for an unknown one", async () => {
    const sim = await startSimulator();
    const client = clientFor(sim);
    const doc = invoice();
    const sent = await client.sendDocument(doc);
    await client.sendDocument({ ...doc, operation: "C" });
    const cancelled = await client.queryDocument(doc.id);
    expect(cancelled).toMatchObject({
      kind: "cancelled",
      document: { totals: [{ tipoSpesa: "SP", amountCents: 7000 }], tipoInvio: "I" },
      messages: [{ code: "0" }, { code: "W010", tipo: "W" }],
    });
    if (cancelled.kind === "cancelled" && sent.kind === "accepted")
      expect(cancelled.document.protocollo).toBe(sent.protocollo);
    const unknown: StsDocumentId = { pIva: PIVA, dataEmissione: "2026-03-10", dispositivo: 1, numDocumento: "NOPE" };
    expect(await client.queryDocument(unknown)).toMatchObject({
      kind: "absent",
      code: "WS96",
      messages: [{ code: "WS96", tipo: "E" }],
    });
    // Sent again after the cancellation: present again.
    await client.sendDocument(doc);
    expect((await client.queryDocument(doc.id)).kind).toBe("present");
  });

  it("answers present for a planted document, with the protocollo, file and date given", async () => {
    const sim = await startSimulator();
    const id = { pIva: PIVA, dataEmissione: "2026-01-15", dispositivo: 1, numDocumento: "7/2026" };
    const planted = await admin(sim, "documents", {
      id,
      dataPagamento: "2026-01-16",
      items: [{ tipoSpesa: "SP", amountCents: 6000 }],
      protocollo: "99260120000012345",
      nomeFile: "invio-da-portale.zip",
      dataInvio: "2026-01-20",
    });
    expect(planted.documents[0]).toMatchObject({ key: `${PIVA}|2026-01-15|1|7/2026`, planted: true });
    expect(await clientFor(sim).queryDocument(id)).toMatchObject({
      kind: "present",
      document: {
        dataPagamento: "2026-01-16",
        totals: [{ tipoSpesa: "SP", amountCents: 6000 }],
        protocollo: "99260120000012345",
        nomeFile: "invio-da-portale.zip",
        dataInvio: "2026-01-20",
        tipoInvio: "I",
      },
    });
    await admin(sim, "documents", {
      id: { ...id, dataEmissione: "2026-02-01", numDocumento: "NC-7" },
      refundOf: id,
      items: [{ tipoSpesa: "SP", amountCents: 1500 }],
    });
    expect(await clientFor(sim).queryDocument(id)).toMatchObject({
      document: { refundedTotals: [{ tipoSpesa: "SP", amountCents: 1500 }] },
    });
    // Planting is not sending: the per-document counts stay empty, so "sent again" stays provable.
    expect((await admin(sim, "counts")).documents).toEqual({});
  });

  it("never answers with another owner's document", async () => {
    const sim = await startSimulator({ users: [{ ...KIT_CREDENTIALS }, OTHER_USER] });
    const doc = invoice();
    await clientFor(sim).sendDocument(doc);
    expect(await clientFor(sim, { credentials: OTHER_USER }).queryDocument(doc.id)).toMatchObject({
      kind: "absent",
      code: "WS96",
    });
  });

  it("classifies wrong password, wrong or inactive PIN and another owner's CF as credentials failures", async () => {
    const sim = await startSimulator({ users: [{ ...KIT_CREDENTIALS }, { ...OTHER_USER, pinActive: false }] });
    const id = invoice().id;
    expect(await clientFor(sim, { credentials: { password: "x" } }).queryDocument(id)).toMatchObject({
      kind: "credentials",
      code: "AUTH",
    });
    expect(await clientFor(sim, { credentials: { pincode: "1111111111" } }).queryDocument(id)).toMatchObject({
      kind: "credentials",
      code: "104",
    });
    expect(await clientFor(sim, { credentials: OTHER_USER }).queryDocument(id)).toMatchObject({
      kind: "credentials",
      code: "005",
    });
    expect(
      await clientFor(sim, { credentials: { cfProprietario: "BNCLRA85M41F205X" } }).queryDocument(id),
    ).toMatchObject({ kind: "credentials", code: "110" });
  });

  it("scopes an injected fault to InterrogazionePuntuale: a 5xx is transient, the next call answers", async () => {
    const sim = await startSimulator();
    const client = clientFor(sim);
    const doc = invoice();
    await client.sendDocument(doc);
    await admin(sim, "faults", { type: "http500", operation: "InterrogazionePuntuale", times: 1 });
    expect(await client.queryDocument(doc.id)).toMatchObject({ kind: "transient", code: "HTTP500" });
    expect((await client.queryDocument(doc.id)).kind).toBe("present");
  });

  it("refuses an identity STS's schema would refuse, before any call", async () => {
    const sim = await startSimulator();
    const client = clientFor(sim);
    const bad = { pIva: "123", dataEmissione: "2026-02-30", dispositivo: 0, numDocumento: "12 2026" };
    const error = await client.queryDocument(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StsValidationError);
    expect((error as StsValidationError).issues.map((i) => i.field)).toEqual([
      "pIva",
      "dataEmissione",
      "dispositivo",
      "numDocumento",
    ]);
    expect((await admin(sim, "counts")).requests).toEqual({});
  });
});
