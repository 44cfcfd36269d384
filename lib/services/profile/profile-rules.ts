import { env } from "../../env";

/**
 * The STS kit P.IVA (65498732105) fails the checksum; a profile may carry it only while the app talks to the
 * simulator or the STS test service, never in production.
 */
export function allowKitTestPartitaIva(): boolean {
  return env().STS_ENVIRONMENT !== "production";
}
