import { describe, expect, it } from "vitest";
import { sendDocumentNow } from "../../lib/services/sts/send-document-now";
import { uploadBatch } from "../../lib/services/sts/upload-batch";
import { stuckAfterMs } from "../../lib/services/sts/sweep-stuck";
import { recover } from "./reliability-harness";
import { reliabilityFixtures, TRANSPORT_FAULTS, useShortStsTimeout } from "./reliability-fixtures";
import { stsPractitioner, useSimulator } from "./sts-harness";
import { testDb } from "./test-db";

// 'Annulla e riemetti' (the new invoice's I and the old one's C) under every transport fault, sent synchronously and
// in a batch: after recovery each half is in place exactly once.

const simulator = useSimulator();
useShortStsTimeout();
const { reissuedPair, expectReissuedOnce } = reliabilityFixtures(simulator);

describe("'Annulla e riemetti' under every transport fault: each half in place exactly once", () => {
  for (const [label, type, extra] of TRANSPORT_FAULTS) {
    it(`with ${label}, synchronous and in a batch`, async () => {
      const p = await stsPractitioner(`reissue-${type}`);
      const sync = await reissuedPair(p.id, p.patientId);
      simulator.sim.faults.push({ type, operation: "DocumentoSpesa730p", times: 1, ...extra });
      await sendDocumentNow({ db: testDb(), practitionerId: p.id, invoiceId: sync[0]! });
      expect(await recover(simulator.sim, p.id, sync, 5, stuckAfterMs() + 60_000)).toBe(1);
      await expectReissuedOnce(p.id, sync);
      const batch = await reissuedPair(p.id, p.patientId);
      simulator.sim.faults.push({ type, operation: "inviaFileMtom", times: 1, ...extra });
      expect(
        await uploadBatch({ db: testDb(), practitionerId: p.id, trigger: "manual", invoiceIds: [batch[1]!] }),
      ).toMatchObject({ outcome: "uncertain", documents: 2 });
      expect(await recover(simulator.sim, p.id, batch, 5, stuckAfterMs() + 60_000)).toBe(1);
      await expectReissuedOnce(p.id, batch);
    });
  }
});
