import type { DbOrTx } from "../../db";
import { upsertProfile } from "../../data/profiles";
import { makeProfileSchema } from "../../schemas/profile";
import { parseInput } from "../../schemas/validation";
import { allowKitTestPartitaIva } from "./profile-rules";

/** Creates or replaces the practitioner's profile; every field is validated again here. */
export async function saveProfile(options: {
  db: DbOrTx;
  practitionerId: string;
  input: unknown;
  now?: Date;
  /** Defaults to the configured STS environment (see profile-rules.ts). */
  allowKitTestPartitaIva?: boolean;
}) {
  const schema = makeProfileSchema({
    today: options.now ?? new Date(),
    allowKitTestPartitaIva: options.allowKitTestPartitaIva ?? allowKitTestPartitaIva(),
  });
  const data = parseInput(schema, options.input);
  return upsertProfile(options.db, options.practitionerId, data);
}
