// Made once: building an Intl.DateTimeFormat costs far more than formatting with it (it was the simulator's
// largest cost after RSA when processing files, one call per document).
const ROME_DAY = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Rome",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Date in Europe/Rome as yyyy-MM-dd: STS deadlines are Italian calendar days. */
export function romeDay(now: Date): string {
  return ROME_DAY.format(now);
}

/**
 * Last day to transmit expenses paid in `paymentYear`: 31 January of the next year, moved to Monday when it falls
 * on a weekend (docs/STS-PROTOCOL.md §10.4: 2025 data → 2 Feb 2026, 2026 data → 1 Feb 2027).
 */
export function transmissionDeadline(paymentYear: number): string {
  const date = new Date(Date.UTC(paymentYear + 1, 0, 31));
  const weekday = date.getUTCDay();
  if (weekday === 6) date.setUTCDate(date.getUTCDate() + 2);
  if (weekday === 0) date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

export function isLate(dataPagamento: string, now: Date): boolean {
  return romeDay(now) > transmissionDeadline(Number(dataPagamento.slice(0, 4)));
}
