import { hasValidPartitaIvaChecksum } from "../../../lib/domain/partita-iva";

// Distinct, checksum-valid P.IVAs for test practitioners: STS identifies a document by P.IVA + date + number, so
// practitioners sharing the kit's P.IVA would collide on the simulator (S017).
let sequence = Math.floor(Math.random() * 9_000_000);

export function nextPartitaIva(): string {
  sequence += 1;
  const base = `0${String(sequence).padStart(7, "0")}123`.slice(0, 10);
  for (let check = 0; check <= 9; check++) {
    const candidate = `${base}${check}`;
    if (hasValidPartitaIvaChecksum(candidate)) return candidate;
  }
  throw new Error("unreachable: one check digit always fits");
}
