import { afterEach } from "vitest";
import { createStsClient, type StsClientConfig, type StsCredentials } from "../../lib/sts/client/sts-client";
import { buildStsFile, zipStsXml, buildPrecompilataXml } from "../../lib/sts/file/build-file";
import { encryptForSts } from "../../lib/sts/crypto/encrypt";
import { SIMULATOR_CERT_PEM } from "../../lib/sts/crypto/certs/simulator-key";
import { createStsSimulator, type StsSimulator, type StsSimulatorOptions } from "../../lib/sts/simulator/server";
import type { StsDocument } from "../../lib/sts/types";

export const KIT_CREDENTIALS: StsCredentials = {
  username: "MTOMRA66A41G224M",
  password: "Salve123",
  pincode: "3489543096",
  cfProprietario: "MTOMRA66A41G224M",
};
export const PIVA = "65498732105";
export const PATIENT_CF = "RSSMRA80A01H501U";

const running: StsSimulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((sim) => sim.close()));
});

export async function startSimulator(options: StsSimulatorOptions = {}): Promise<StsSimulator> {
  const sim = await createStsSimulator(options);
  running.push(sim);
  return sim;
}

export function clientFor(
  sim: StsSimulator,
  overrides: Partial<Omit<StsClientConfig, "credentials">> & { credentials?: Partial<StsCredentials> } = {},
) {
  return createStsClient({
    baseUrl: sim.url,
    certificatePem: sim.certificatePem,
    timeoutMs: 5000,
    ...overrides,
    credentials: { ...KIT_CREDENTIALS, ...overrides.credentials },
  });
}

let counter = 0;
export function invoice(overrides: Partial<StsDocument> = {}): StsDocument {
  counter += 1;
  return {
    operation: "I",
    id: { pIva: PIVA, dataEmissione: "2026-03-10", dispositivo: 1, numDocumento: `${counter}/2026` },
    dataPagamento: "2026-03-10",
    cfCittadino: PATIENT_CF,
    pagamentoTracciato: "SI",
    tipoDocumento: "F",
    flagOpposizione: false,
    items: [{ tipoSpesa: "SP", amountCents: 7000, naturaIVA: "N4" }],
    ...overrides,
  };
}

export function fileOf(documents: StsDocument[], options: { checkCfChecksum?: boolean; cfProprietario?: string } = {}) {
  return buildStsFile({
    fileName: `parcella-${++counter}.zip`,
    owner: { cfProprietario: options.cfProprietario ?? KIT_CREDENTIALS.cfProprietario },
    documents,
    certificatePem: SIMULATOR_CERT_PEM,
    checkCfChecksum: options.checkCfChecksum,
  });
}

/** A file whose XML was edited after building: how tests send what the builder would refuse. */
export function tamperedFile(documents: StsDocument[], edit: (xml: string) => string) {
  const xml = buildPrecompilataXml({
    owner: { cfProprietario: KIT_CREDENTIALS.cfProprietario },
    documents,
    certificatePem: SIMULATOR_CERT_PEM,
  });
  return zipStsXml(`tampered-${++counter}.zip`, edit(xml));
}

export const encryptForSimulator = (plain: string) => encryptForSts(plain, SIMULATOR_CERT_PEM);

/** Uploads a file and returns its protocollo (fails the test when the upload is not accepted). */
export async function upload(
  client: ReturnType<typeof clientFor>,
  file: { fileName: string; zip: Uint8Array },
): Promise<string> {
  const result = await client.uploadFile(file);
  if (result.kind !== "accepted")
    throw new Error(`upload not accepted: ${result.kind} ${result.code} ${result.message}`);
  return result.protocollo;
}

export async function admin(sim: StsSimulator, path: string, body?: unknown): Promise<any> {
  const response = await fetch(`${sim.url}/__admin/${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return response.json();
}
