// The harness's own ceiling: the real STS client uploading a 25-document file to the simulator process, with the
// hourly run's latency and bound (200 ms, 16 in flight), and nothing else — no database, no Parcella service. What
// it reaches of the latency ideal on this machine is the most any hourly run here can reach.
import { createLimiter } from "../lib/services/sts/pool";
import { createStsClient } from "../lib/sts/client/sts-client";
import { getStsEnvironment } from "../lib/sts/environments";
import { buildStsFile } from "../lib/sts/file/build-file";
import type { StsDocument } from "../lib/sts/types";
import { KIT_STS } from "../prisma/seed/factories/sts";
import { CONCURRENCY, LATENCY_MS } from "./hourly";
import { machineCpu, simulatorAdmin, type Simulator } from "./lib/processes";
import { quantile } from "./lib/stats";

export type StsOnlyResult = {
  uploads: number;
  wallSeconds: number;
  idealSeconds: number;
  ratio: number;
  clientCpuMsPerUpload: number;
  simulatorCpuMsPerUpload: number;
  callMsP50: number;
  peakInFlight: number;
  machineBusyPct: number;
};

export async function stsOnlyBenchmark(options: {
  sim: Simulator;
  uploads: number;
  log: (line: string) => void;
}): Promise<StsOnlyResult> {
  const { sim, uploads, log } = options;
  const environment = getStsEnvironment("simulator", sim.url);
  const client = createStsClient({
    baseUrl: environment.baseUrl,
    certificatePem: environment.certificatePem,
    credentials: {
      username: KIT_STS.username,
      password: KIT_STS.password,
      pincode: KIT_STS.pincode,
      cfProprietario: KIT_STS.cfTitolare,
    },
    timeoutMs: 30_000,
  });
  const documents: StsDocument[] = Array.from({ length: 25 }, (_, i) => ({
    operation: "I",
    id: { pIva: "65498732105", dataEmissione: "2026-02-02", dispositivo: 1, numDocumento: `${i + 1}-2026` },
    dataPagamento: "2026-02-02",
    cfCittadino: "RSSMRA80A01H501U",
    pagamentoTracciato: "SI",
    tipoDocumento: "F",
    flagOpposizione: false,
    items: [{ tipoSpesa: "SP", amountCents: 7140, naturaIVA: "N4" }],
  }));
  const fileName = "parcella_harness.zip";
  const file = buildStsFile({
    fileName,
    owner: { cfProprietario: KIT_STS.cfTitolare },
    documents,
    certificatePem: environment.certificatePem,
  });
  await simulatorAdmin(sim, "reset", { method: "POST", body: {} });
  const upload = async () => {
    const t0 = performance.now();
    const result = await client.uploadFile({ fileName, zip: file.zip });
    if (result.kind !== "accepted")
      throw new Error(`upload ${result.kind}: ${"message" in result ? result.message : ""}`);
    return performance.now() - t0;
  };
  for (let i = 0; i < 20; i++) await upload(); // warm-up, no latency
  await simulatorAdmin(sim, "reset", { method: "POST", body: {} });
  await simulatorAdmin(sim, "faults", {
    method: "POST",
    body: { type: "latency", operation: "inviaFileMtom", latencyMs: LATENCY_MS },
  });
  const limit = createLimiter(CONCURRENCY);
  const sim0 = sim.cpuSeconds();
  const cpu0 = process.cpuUsage();
  const m0 = machineCpu();
  const t0 = Date.now();
  const calls = await Promise.all(Array.from({ length: uploads }, () => limit(upload)));
  const wallSeconds = (Date.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const m1 = machineCpu();
  const counts = await simulatorAdmin<{ peakInFlight: number }>(sim, "counts");
  await simulatorAdmin(sim, "faults", { method: "DELETE" });
  const idealSeconds = (uploads * LATENCY_MS) / 1000 / CONCURRENCY;
  const result: StsOnlyResult = {
    uploads,
    wallSeconds,
    idealSeconds,
    ratio: idealSeconds / wallSeconds,
    clientCpuMsPerUpload: (cpu.user + cpu.system) / 1000 / uploads,
    simulatorCpuMsPerUpload: ((sim.cpuSeconds() - sim0) * 1000) / uploads,
    callMsP50: quantile(calls, 0.5),
    peakInFlight: counts.peakInFlight,
    machineBusyPct: (100 * (m1.busy - m0.busy)) / (m1.total - m0.total),
  };
  log(
    `  STS client ↔ simulator alone: ${uploads} uploads in ${wallSeconds.toFixed(1)} s (ideal ${idealSeconds.toFixed(1)} s, ratio ${result.ratio.toFixed(2)}), call p50 ${result.callMsP50.toFixed(0)} ms, client CPU ${result.clientCpuMsPerUpload.toFixed(1)} ms/upload, simulator CPU ${result.simulatorCpuMsPerUpload.toFixed(1)} ms/upload, peak ${result.peakInFlight} in flight, machine ${result.machineBusyPct.toFixed(0)} % busy`,
  );
  return result;
}
