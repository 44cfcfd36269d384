import type { Db } from "../../../lib/db";
import { sealSecret } from "../../../lib/crypto/secret-box";
import { encryptionKey } from "../../../lib/env";
import { upsertStsSettings } from "../../../lib/data/sts-settings";
import { refreshStsState } from "../../../lib/services/sts/refresh-sts-state";

// The public STS kit user for psychologists: the simulator accepts it (docs/STS-PROTOCOL.md §12).
export const KIT_STS = {
  cfTitolare: "MTOMRA66A41G224M",
  username: "MTOMRA66A41G224M",
  password: "Salve123",
  pincode: "3489543096",
};

/** Stores STS credentials (encrypted, as the settings page does) and refreshes the documents' STS state. */
export async function configureTestStsCredentials(
  db: Db,
  practitionerId: string,
  overrides: Partial<typeof KIT_STS> & { autoSend?: boolean; autoSendFrom?: string | null } = {},
) {
  const values = { ...KIT_STS, ...overrides };
  const key = encryptionKey();
  const now = new Date();
  await upsertStsSettings(db, practitionerId, {
    cfTitolare: values.cfTitolare,
    username: values.username,
    passwordEnc: sealSecret(values.password, key),
    passwordSetAt: now,
    pincodeEnc: sealSecret(values.pincode, key),
    pincodeSetAt: now,
    autoSend: overrides.autoSend ?? false,
    autoSendFrom: overrides.autoSendFrom ?? null,
    lastCheckOk: true,
    lastCheckAt: now,
  });
  await refreshStsState(db, { practitionerId });
}
