import { afterAll, beforeAll } from "vitest";
import { createStsSimulator, type StsSimulator } from "../../lib/sts/simulator/server";
import { createTestProfile } from "../../prisma/seed/factories/profiles";
import { createTestPatient } from "../../prisma/seed/factories/patients";
import { configureTestStsCredentials } from "../../prisma/seed/factories/sts";
import { nextPartitaIva } from "../../prisma/seed/factories/partita-iva";
import { registerTestPractitioner, testDb } from "./test-db";

// A simulator for the whole file; the app's env() reads STS_SIMULATOR_URL lazily, after it is set here (the rest of
// the test configuration comes from global-setup.ts).
export function useSimulator(options: Parameters<typeof createStsSimulator>[0] = {}) {
  const holder: { sim: StsSimulator } = {} as { sim: StsSimulator };
  beforeAll(async () => {
    holder.sim = await createStsSimulator({ port: 0, processingDelayMs: 0, ...options });
    process.env.STS_SIMULATOR_URL = holder.sim.url;
  });
  afterAll(() => holder.sim?.close());
  return holder;
}

export async function simulatorCounts(sim: StsSimulator) {
  const res = await fetch(`${sim.url}/__admin/counts`);
  return (await res.json()) as {
    documents: Record<
      string,
      {
        received: Partial<Record<"I" | "V" | "C" | "R", number>>;
        accepted: Partial<Record<"I" | "V" | "C" | "R", number>>;
      }
    >;
  };
}

/** A practitioner with the kit profile, STS credentials and one patient. */
export async function stsPractitioner(
  label: string,
  stsOverrides: Parameters<typeof configureTestStsCredentials>[2] = {},
) {
  const p = await registerTestPractitioner(label);
  await createTestProfile(testDb(), p.id, { partitaIva: nextPartitaIva() });
  await configureTestStsCredentials(testDb(), p.id, stsOverrides);
  const patient = await createTestPatient(testDb(), p.id);
  return { id: p.id, patientId: patient.id };
}
