import { SANITELCF_CERT_PEM } from "./crypto/certs/sanitelcf-2024";
import { SIMULATOR_CERT_PEM } from "./crypto/certs/simulator-key";

export type StsEnvironmentName = "simulator" | "test" | "production";

export type StsEnvironment = {
  name: StsEnvironmentName;
  baseUrl: string;
  /** Certificate whose public key encrypts pincode and codici fiscali. */
  certificatePem: string;
};

/** Service paths on every STS host (docs/STS-PROTOCOL.md §1.1). */
export const STS_PATHS = {
  inviaFileMtom: "/InvioTelematicoSS730pMtomWeb/InvioTelematicoSS730pMtomPort",
  esitoInvii: "/EsitoStatoInviiWEB/EsitoInvioDatiSpesa730Service",
  dettaglioErrori: "/EsitoStatoInviiWEB/DettaglioErrori730Service",
  ricevutaPdf: "/Ricevute730ServiceWeb/ricevutePdf",
  documentoSpesa: "/DocumentoSpesa730pWeb/DocumentoSpesa730pPort",
  interrogazionePuntuale: "/InterrogazionePuntuale730Web/InterrogazionePuntuale730Port",
  reportMensile: "/ReportMensile730Web/ReportMensilePort",
  dettaglioSegnalazione: "/Interrogazioni730pWeb/DettaglioSegnalazione730pPort",
  reportSegnalazioni: "/Interrogazioni730pWeb/ReportSegnalazioni730pPort",
} as const;

export type StsService = keyof typeof STS_PATHS;

export const STS_TEST_URL = "https://invioSS730pTest.sanita.finanze.it";
export const STS_PRODUCTION_URL = "https://invioSS730p.sanita.finanze.it";
export const STS_SIMULATOR_DEFAULT_URL = "http://127.0.0.1:3100";

/** The simulator's base URL comes from config; test and production are fixed hosts with the real certificate. */
export function getStsEnvironment(name: StsEnvironmentName, simulatorUrl = STS_SIMULATOR_DEFAULT_URL): StsEnvironment {
  switch (name) {
    case "simulator":
      return { name, baseUrl: simulatorUrl.replace(/\/+$/, ""), certificatePem: SIMULATOR_CERT_PEM };
    case "test":
      return { name, baseUrl: STS_TEST_URL, certificatePem: SANITELCF_CERT_PEM };
    case "production":
      return { name, baseUrl: STS_PRODUCTION_URL, certificatePem: SANITELCF_CERT_PEM };
  }
}

export function serviceUrl(baseUrl: string, service: StsService): string {
  return baseUrl.replace(/\/+$/, "") + STS_PATHS[service];
}
