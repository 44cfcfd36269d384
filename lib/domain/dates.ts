import { tz } from "@date-fns/tz";
import { format } from "date-fns";
import { fail, ok, type Result } from "./result";

/** A calendar date without time or zone, "yyyy-mm-dd": what invoices, payments and STS deal in. */
export type IsoDate = string;

export const ROME_TIME_ZONE = "Europe/Rome";

// Invoice and payment dates outside 2000–2100 are typing mistakes ("26/11/206"), not real documents:
// STS itself rejects documents before 2014. These bounds are for document dates, not for birth dates.
export const MIN_DOCUMENT_YEAR = 2000;
export const MAX_DOCUMENT_YEAR = 2100;

/** True when the three numbers form a real Gregorian date (31/02 and 00/01 are not). */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function toIsoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * Strict parse of "dd/mm/yyyy" (Italian, one-digit day and month allowed) or "yyyy-mm-dd" (ISO, as sent
 * by <input type="date">). No other separators, no two-digit years, no rolling over of 31/02.
 */
export function parseDocumentDate(input: string): Result<IsoDate> {
  const text = input.trim();
  if (text === "") return fail("Inserisci una data");
  const italian = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  let parts: [number, number, number];
  if (italian) parts = [Number(italian[3]), Number(italian[2]), Number(italian[1])];
  else if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return fail("Data non valida: usa il formato gg/mm/aaaa");

  const [year, month, day] = parts;
  if (!isRealDate(year, month, day)) return fail("Questa data non esiste");
  if (year < MIN_DOCUMENT_YEAR || year > MAX_DOCUMENT_YEAR) {
    return fail(`L'anno deve essere compreso tra ${MIN_DOCUMENT_YEAR} e ${MAX_DOCUMENT_YEAR}`);
  }
  return ok(toIsoDate(year, month, day));
}

const HOUR_MS = 3_600_000;
const MAX_REMEMBERED_HOURS = 512;
const dateOfHour = new Map<number, IsoDate>();

/** The calendar date in Italy at the given instant: a payment at 23:30 UTC on 31 December is already next year. */
export function isoDate(instant: Date): IsoDate {
  // Italy's offset from UTC is a whole number of hours and changes on the hour, so the date is the same for every
  // instant of a UTC hour: remembered per hour (the worker asks thousands of times a minute; a page render asks
  // for today and for a few other instants — a certificate's or a password's expiry — which a single remembered
  // hour would keep recomputing in turn).
  const hour = Math.floor(instant.getTime() / HOUR_MS);
  let date = dateOfHour.get(hour);
  if (date === undefined) {
    date = format(instant, "yyyy-MM-dd", { in: tz(ROME_TIME_ZONE) });
    if (dateOfHour.size >= MAX_REMEMBERED_HOURS) dateOfHour.clear();
    dateOfHour.set(hour, date);
  }
  return date;
}

/** "26/11/2026" from an IsoDate, or from an instant (read in Europe/Rome). */
export function formatItalianDate(date: IsoDate | Date): string {
  const iso = typeof date === "string" ? date : isoDate(date);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new RangeError(`not an ISO date: ${iso}`);
  return `${match[3]}/${match[2]}/${match[1]}`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). Plain calendar arithmetic, no DST effects. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return (isoToUtcMillis(to) - isoToUtcMillis(from)) / 86_400_000;
}

export function isoToUtcMillis(date: IsoDate): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match || !isRealDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw new RangeError(`not an ISO date: ${date}`);
  }
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}
