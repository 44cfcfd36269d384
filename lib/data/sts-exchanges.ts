import type { DbOrTx } from "../db";
import type { StsExchange as RecordedExchange } from "../sts/client/exchange";

// Stores the redacted SOAP traffic of a call (the client already removed passwords, PINs and ciphertexts).
export function saveExchanges(
  db: DbOrTx,
  practitionerId: string,
  submissionId: string | null,
  exchanges: RecordedExchange[],
) {
  if (exchanges.length === 0) return Promise.resolve({ count: 0 });
  return db.stsExchange.createMany({
    data: exchanges.map((e) => ({
      practitionerId,
      submissionId,
      operation: e.operation,
      url: e.url,
      httpStatus: e.httpStatus ?? null,
      durationMs: Math.round(e.durationMs),
      request: e.request,
      response: e.response ?? "",
    })),
  });
}
