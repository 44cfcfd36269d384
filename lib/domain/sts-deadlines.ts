import { daysBetween, isoDate, isoToUtcMillis, toIsoDate, type IsoDate } from "./dates";

/**
 * STS deadline for expenses paid in `paymentYear`: 31 January of the next year, moved to Monday when it falls
 * on a weekend (docs/STS-PROTOCOL.md §10.4; no public holiday falls between 31 January and 2 February).
 * This is the annual regime in force for payment years 2025 and later. Earlier years had semiannual or
 * prorogued deadlines (docs/STS-PROTOCOL.md §10.4) that are not modelled; for them this returns only the January
 * deadline.
 */
export function stsDeadlineForPaymentYear(paymentYear: number): IsoDate {
  if (!Number.isInteger(paymentYear) || paymentYear < 2000 || paymentYear > 2100) {
    throw new RangeError(`invalid payment year: ${paymentYear}`);
  }
  const deadline = toIsoDate(paymentYear + 1, 1, 31);
  const weekday = new Date(isoToUtcMillis(deadline)).getUTCDay(); // 0 = Sunday, 6 = Saturday
  const shift = weekday === 6 ? 2 : weekday === 0 ? 1 : 0;
  return toIsoDate(paymentYear + 1, shift === 0 ? 1 : 2, shift === 0 ? 31 : shift);
}

/**
 * Calendar days left until the deadline: 0 on the day itself (sending is still on time), negative once past.
 * `today` is either a calendar date or an instant read in Europe/Rome.
 */
export function daysUntil(deadline: IsoDate, today: IsoDate | Date): number {
  return daysBetween(typeof today === "string" ? today : isoDate(today), deadline);
}
