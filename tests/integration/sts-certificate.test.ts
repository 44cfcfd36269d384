import { createPublicKey } from "node:crypto";
import { strToU8, zipSync } from "fflate";
import { afterEach, describe, expect, it } from "vitest";
import { AppError } from "../../lib/app-error";
import { installStsCertificate } from "../../lib/services/sts/install-sts-certificate";
import { pollSubmission } from "../../lib/services/sts/poll-submission";
import { runAutomaticSending } from "../../lib/services/sts/run-automatic-sending";
import { sendDocumentNow } from "../../lib/services/sts/send-document-now";
import { forgetStsCertificate } from "../../lib/services/sts/sts-certificate";
import { stsInstallationNotice } from "../../lib/services/sts/sts-installation-notice";
import { stsSendingPause } from "../../lib/services/sts/sts-sending-pause";
import { uploadBatch } from "../../lib/services/sts/upload-batch";
import { SIMULATOR_PRIVATE_KEY_PEM } from "../../lib/sts/crypto/certs/simulator-key";
import { keyFingerprint } from "../../lib/sts/simulator/context";
import { createTestInvoice } from "../../prisma/seed/factories/invoices";
import { makeEncryptionCertificate, makeKeyPair, type KeyPair } from "../certificates";
import { stsPractitioner, useSimulator } from "./sts-harness";
import { testDb } from "./test-db";

const simulator = useSimulator();
const paid = { paymentDate: "2026-03-10", paymentMethod: "carta" as const };
const DAY = 86_400_000;
const SIMULATOR_KEY: KeyPair = {
  privateKeyPem: SIMULATOR_PRIVATE_KEY_PEM,
  publicKeyPem: createPublicKey(SIMULATOR_PRIVATE_KEY_PEM).export({ type: "spki", format: "pem" }).toString(),
};

// The certificate is the installation's, shared by every test file of the run: each test leaves the shipped one.
afterEach(async () => {
  await testDb().stsCertificate.deleteMany({});
  forgetStsCertificate();
  simulator.sim.reset();
});

const bytes = (text: string) => new Uint8Array(Buffer.from(text));

async function simulatorKeys(...keys: KeyPair[]) {
  const res = await fetch(`${simulator.sim.url}/__admin/config`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ privateKeyPems: keys.map((k) => k.privateKeyPem) }),
  });
  expect(res.ok).toBe(true);
}

async function simulatorCounts() {
  return (await (await fetch(`${simulator.sim.url}/__admin/counts`)).json()) as {
    decryptions: Record<string, number>;
    requests: Record<string, number>;
  };
}

describe("the encryption certificate as data", () => {
  it("a new certificate switches encryption at the next call, the install reports the changed key, STS decrypts with it", async () => {
    const p = await stsPractitioner("cert-switch");
    const before = await createTestInvoice(testDb(), p.id, { patientId: p.patientId, ...paid });
    expect((await sendDocumentNow({ db: testDb(), practitionerId: p.id, invoiceId: before.id })).outcome).toBe(
      "accepted",
    );

    const next = makeEncryptionCertificate();
    await simulatorKeys(SIMULATOR_KEY, next); // both, while the installation switches
    const installed = await installStsCertificate({ db: testDb(), file: bytes(next.certificatePem) });
    expect(installed).toMatchObject({ ok: true, keyChanged: true, unchanged: false, previous: { source: "shipped" } });
    simulator.sim.reset(); // forget the counts so far (and the start-up key comes back:)
    await simulatorKeys(next); // from now on only the new key decrypts

    const inv = await createTestInvoice(testDb(), p.id, { patientId: p.patientId, ...paid });
    const upload = await uploadBatch({ db: testDb(), practitionerId: p.id, trigger: "manual", invoiceIds: [inv.id] });
    expect(upload?.outcome).toBe("awaiting_outcome");
    expect(await pollSubmission({ db: testDb(), submissionId: upload!.submissionId })).toBe("completed");
    const invoice = await testDb().invoice.findUniqueOrThrow({ where: { id: inv.id } });
    expect(invoice.stsState).toBe("accepted");
    // PIN of the upload, owner and patient CF in the file, PIN of each outcome query: all with the new key only.
    const counts = await simulatorCounts();
    expect(Object.keys(counts.decryptions)).toEqual([keyFingerprint(next.privateKeyPem)]);
    expect(Object.values(counts.decryptions)[0]).toBeGreaterThanOrEqual(4);

    const again = await installStsCertificate({ db: testDb(), file: bytes(next.certificatePem) });
    expect(again).toMatchObject({ ok: true, unchanged: true, keyChanged: false, previous: { source: "installed" } });
    const rewrapped = makeEncryptionCertificate({ key: next });
    expect(await installStsCertificate({ db: testDb(), file: bytes(rewrapped.certificatePem) })).toMatchObject({
      ok: true,
      unchanged: false,
      keyChanged: false,
    });
  });

  it("reads the kit's forms (PEM, DER, ZIP with SanitelCF.cer in a folder) and refuses what is not a valid SanitelCF", async () => {
    const good = makeEncryptionCertificate({ key: SIMULATOR_KEY });
    const der = new Uint8Array(Buffer.from(good.certificatePem.replace(/-----[^-]+-----|\s/g, ""), "base64"));
    const zip = zipSync({
      "kit730P/LEGGIMI.txt": strToU8("leggimi"),
      "kit730P/certificatiFirma/CAAgenziadelleEntrateTest.pem": bytes(
        makeEncryptionCertificate({ cn: "CA" }).certificatePem,
      ),
      "kit730P/SanitelCF.cer": der,
    });
    for (const file of [bytes(good.certificatePem), der, zip]) {
      const result = await installStsCertificate({ db: testDb(), file });
      expect(result).toMatchObject({ ok: true, keyChanged: false });
    }
    const refusals: Array<[Uint8Array, RegExp]> = [
      [bytes("non è un certificato"), /non contiene un certificato/],
      [bytes(makeEncryptionCertificate({ cn: "www.example.it" }).certificatePem), /non è SanitelCF/],
      [
        bytes(
          makeEncryptionCertificate({ from: new Date(Date.now() - 400 * DAY), to: new Date(Date.now() - DAY) })
            .certificatePem,
        ),
        /scaduto/,
      ],
      [zipSync({ "LEGGIMI.txt": strToU8("x") }), /non contiene un certificato SanitelCF/],
    ];
    for (const [file, problem] of refusals) {
      const result = await installStsCertificate({ db: testDb(), file });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems.join(" ")).toMatch(problem);
    }
  });

  it("an expired certificate with an unchanged key keeps sending, with the warning shown", async () => {
    const p = await stsPractitioner("cert-expired");
    const expired = makeEncryptionCertificate({
      key: SIMULATOR_KEY,
      from: new Date(Date.now() - 400 * DAY),
      to: new Date(Date.now() - DAY),
    });
    // Installed while it was still valid; it has expired since.
    const installedOn = new Date(Date.now() - 2 * DAY);
    expect(
      await installStsCertificate({ db: testDb(), file: bytes(expired.certificatePem), now: installedOn }),
    ).toMatchObject({
      ok: true,
    });
    const inv = await createTestInvoice(testDb(), p.id, { patientId: p.patientId, ...paid });
    expect((await sendDocumentNow({ db: testDb(), practitionerId: p.id, invoiceId: inv.id })).outcome).toBe("accepted");
    const notice = await stsInstallationNotice(testDb(), new Date());
    expect(notice).toMatchObject({ tone: "warning", title: expect.stringMatching(/è scaduto il/) });
    expect(notice?.text).toMatch(/Gli invii continuano/);
    expect(await stsSendingPause(testDb())).toBeNull();
    // 60 days ahead of the expiry the same notice warns in advance.
    const expiring = makeEncryptionCertificate({ key: SIMULATOR_KEY, to: new Date(Date.now() + 30 * DAY) });
    await installStsCertificate({ db: testDb(), file: bytes(expiring.certificatePem) });
    expect((await stsInstallationNotice(testDb(), new Date()))?.title).toMatch(/scade il .* \(tra 2\d giorni\)/);
  });

  it("a 002 from STS pauses sending for the whole installation with the explained message, and lifts with the right certificate", async () => {
    const a = await stsPractitioner("cert-002-a");
    const b = await stsPractitioner("cert-002-b", { autoSend: true, autoSendFrom: "2026-01-01" });
    const other = makeKeyPair();
    await simulatorKeys(other); // STS now decrypts only with a key the installation does not have
    const first = await createTestInvoice(testDb(), a.id, { patientId: a.patientId, ...paid });
    const failed = await sendDocumentNow({ db: testDb(), practitionerId: a.id, invoiceId: first.id });
    expect(failed.outcome).toBe("failed");
    expect(failed.message).toMatch(/certificato di cifratura/);

    const pause = await stsSendingPause(testDb());
    expect(pause?.message).toMatch(/codice 002.*install-certificate/s);
    // The practitioner's own settings are not paused: it is not theirs to fix.
    expect((await testDb().stsSettings.findUniqueOrThrow({ where: { practitionerId: a.id } })).pausedAt).toBeNull();
    expect(await stsInstallationNotice(testDb(), new Date())).toMatchObject({ tone: "danger" });

    // Nobody sends while paused: manual sends are refused with the explanation, the hourly run skips everyone.
    const second = await createTestInvoice(testDb(), b.id, {
      patientId: b.patientId,
      ...paid,
      issueDate: "2026-03-10",
    });
    const refusal = await sendDocumentNow({ db: testDb(), practitionerId: b.id, invoiceId: second.id }).catch((e) => e);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).userMessage).toMatch(/install-certificate/);
    const uploadsBefore = (await simulatorCounts()).requests.inviaFileMtom ?? 0;
    const run = await runAutomaticSending({ db: testDb(), slot: new Date(), concurrency: 2, practitionerIds: [b.id] });
    expect(run).toMatchObject({ paused: true, submissions: 0 });
    expect((await simulatorCounts()).requests.inviaFileMtom ?? 0).toBe(uploadsBefore);

    // The administrator installs the certificate STS now uses: the pause lifts, nothing was lost.
    const published = makeEncryptionCertificate({ key: other });
    expect(await installStsCertificate({ db: testDb(), file: bytes(published.certificatePem) })).toMatchObject({
      ok: true,
      keyChanged: true,
    });
    expect(await stsSendingPause(testDb())).toBeNull();
    for (const [practitionerId, invoiceId] of [
      [a.id, first.id],
      [b.id, second.id],
    ])
      expect((await sendDocumentNow({ db: testDb(), practitionerId, invoiceId })).outcome).toBe("accepted");
  });
});
