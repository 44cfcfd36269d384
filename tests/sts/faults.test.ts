import { describe, expect, it } from "vitest";
import type { FaultRule } from "../../lib/sts/simulator/faults";
import { admin, clientFor, fileOf, invoice, startSimulator } from "./helpers";

const TIMEOUT_MS = 600;
// A call that gives up at its timeout returns long before this; one that waited for the delayed answer (20 s) or for
// an answer that never comes would not. The margin is for a machine whose cores are busy, not a speed check.
const GAVE_UP_WITHIN_MS = 10_000;

const cases: Array<[string, FaultRule, "transient" | "credentials", string]> = [
  ["latency beyond the timeout", { type: "latency", latencyMs: 20_000 }, "transient", "TIMEOUT"],
  ["HTTP 500 without SOAP", { type: "http500" }, "transient", "HTTP500"],
  ["a request never answered", { type: "timeout" }, "transient", "TIMEOUT"],
  ["a connection reset", { type: "reset" }, "transient", "ECONNRESET"],
  ["a server SOAP fault", { type: "soapFault" }, "transient", "SOAP_FAULT"],
  ["a malformed response", { type: "malformed" }, "transient", "MALFORMED"],
  ["an expired password", { type: "expiredPassword", username: "MTOMRA66A41G224M" }, "credentials", "AUTH"],
];

describe("the client survives every injected fault with a classified result, within its timeout", () => {
  for (const [label, rule, kind, code] of cases) {
    it(`${label} → ${kind}`, async () => {
      const sim = await startSimulator({ faults: [rule] });
      const client = clientFor(sim, { timeoutMs: TIMEOUT_MS });
      const calls = [
        () => client.uploadFile(fileOf([invoice()])),
        () => client.getOutcome({ protocollo: "99260312000000001" }),
        () => client.getErrorDetail("99260312000000001"),
        () => client.getReceipt("99260312000000001"),
        () => client.sendDocument(invoice()),
        () => client.checkCredentials(),
        () => client.queryDocument(invoice().id),
        () => client.getMonthlyReport({ month: "2026-03" }),
        () => client.getCitizenReport(invoice().id),
        () => client.getCitizenReports({ from: "2026-03-01", to: "2026-03-31" }),
      ];
      // Side by side, as the worker's calls are: each gives up on its own timeout, so a fault that holds its answer
      // costs the test one timeout, not one per operation.
      const results = await Promise.all(
        calls.map(async (call) => {
          const started = Date.now();
          const result = await call();
          return { result, elapsed: Date.now() - started };
        }),
      );
      for (const { result, elapsed } of results) {
        expect(elapsed).toBeLessThan(GAVE_UP_WITHIN_MS);
        expect(result.kind).toBe(kind);
        if ("code" in result) expect(result.code).toBe(code);
      }
    });
  }

  it("scopes a fault to one operation and to the next N calls (admin endpoint)", async () => {
    const sim = await startSimulator();
    const client = clientFor(sim, { timeoutMs: TIMEOUT_MS });
    await admin(sim, "faults", { type: "http500", operation: "inviaFileMtom", times: 1 });
    expect((await client.checkCredentials()).kind).toBe("ok");
    expect((await client.uploadFile(fileOf([invoice()]))).kind).toBe("transient");
    expect((await client.uploadFile(fileOf([invoice()]))).kind).toBe("accepted");
    expect((await admin(sim, "faults")).faults).toEqual([]);
  });

  it("a latency below the timeout only slows the answer", async () => {
    const sim = await startSimulator({ faults: [{ type: "latency", latencyMs: 200 }] });
    const started = Date.now();
    expect((await clientFor(sim, { timeoutMs: 2000 }).checkCredentials()).kind).toBe("ok");
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it("a closed port is a transient failure", async () => {
    const sim = await startSimulator();
    await sim.close();
    const result = await clientFor(sim, { timeoutMs: TIMEOUT_MS }).checkCredentials();
    expect(result).toMatchObject({ kind: "transient", code: "ECONNREFUSED" });
  });
});
