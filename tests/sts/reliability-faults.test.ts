import { describe, expect, it } from "vitest";
import { admin, clientFor, fileOf, invoice, startSimulator } from "./helpers";

// The two fault rules added for the reliability tests (docs/RELIABILITY.md): a response lost after the work was done,
// and a fault that starts mid-run.
describe("simulator faults for the reliability tests", () => {
  it("lostResponse: the upload is processed and stored, but the client only sees a reset", async () => {
    const sim = await startSimulator({ faults: [{ type: "lostResponse", operation: "inviaFileMtom", times: 1 }] });
    const client = clientFor(sim, { timeoutMs: 2000 });
    const doc = invoice();
    const result = await client.uploadFile(fileOf([doc]));
    expect(result).toMatchObject({ kind: "transient", code: "ECONNRESET" });
    expect((await admin(sim, "counts")).submissions).toBe(1);
    // The same document again through the synchronous service is refused as a duplicate: it had landed.
    const again = await client.sendDocument(doc);
    expect(again.kind).toBe("rejected");
    expect(again.kind === "rejected" && again.messages.map((m) => m.code)).toContain("S017");
    const key = `${doc.id.pIva}|${doc.id.dataEmissione}|1|${doc.id.numDocumento}`;
    expect((await admin(sim, "counts")).documents[key].accepted.I).toBe(1);
  });

  it("lostResponse on the synchronous service: the insert is held, the client sees a reset", async () => {
    const sim = await startSimulator({ faults: [{ type: "lostResponse", operation: "DocumentoSpesa730p", times: 1 }] });
    const client = clientFor(sim, { timeoutMs: 2000 });
    const doc = invoice();
    expect(await client.sendDocument(doc)).toMatchObject({ kind: "transient", code: "ECONNRESET" });
    const key = `${doc.id.pIva}|${doc.id.dataEmissione}|1|${doc.id.numDocumento}`;
    expect((await admin(sim, "counts")).documents[key].accepted.I).toBe(1);
  });

  it("after: lets the first N matching calls through, then applies the fault", async () => {
    const sim = await startSimulator();
    await admin(sim, "faults", { type: "http500", operation: "inviaFileMtom", after: 2, times: 1 });
    const client = clientFor(sim, { timeoutMs: 2000 });
    expect((await client.uploadFile(fileOf([invoice()]))).kind).toBe("accepted");
    expect((await client.checkCredentials()).kind).toBe("ok");
    expect((await client.uploadFile(fileOf([invoice()]))).kind).toBe("accepted");
    expect((await client.uploadFile(fileOf([invoice()]))).kind).toBe("transient");
    expect((await client.uploadFile(fileOf([invoice()]))).kind).toBe("accepted");
    expect((await admin(sim, "faults")).faults).toEqual([]);
    expect(await admin(sim, "faults", { type: "http500", after: -1 })).toMatchObject({
      error: expect.stringMatching(/after/),
    });
  });
});
