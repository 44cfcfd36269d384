import { daysBetween, isoDate, isoToUtcMillis, type IsoDate } from "../../domain/dates";

/** STS passwords expire (about every two months): warn this many days ahead. */
export const PASSWORD_EXPIRY_WARNING_DAYS = 10;

export type PasswordExpiryLevel = "ok" | "warning" | "expired";

export type PasswordExpiryStatus = {
  /** Whole days since the password was set, in Italian calendar days. */
  ageDays: number;
  /** The first day on which the password is no longer valid. */
  expiresOn: IsoDate;
  /** Days until expiresOn; zero or less once expired. */
  daysLeft: number;
  level: PasswordExpiryLevel;
};

// Pure: the clock and the validity come in as arguments. Days are counted on the Italian calendar, so a password set at
// 23:30 on the 1st is one day old on the 2nd, whatever the server's zone.
export function passwordExpiryStatus(options: {
  passwordSetAt: Date;
  validityDays: number;
  today: Date;
}): PasswordExpiryStatus {
  const setOn = isoDate(options.passwordSetAt);
  const ageDays = daysBetween(setOn, isoDate(options.today));
  const expiresOn = addDays(setOn, options.validityDays);
  const daysLeft = options.validityDays - ageDays;
  const level: PasswordExpiryLevel =
    daysLeft <= 0 ? "expired" : daysLeft <= PASSWORD_EXPIRY_WARNING_DAYS ? "warning" : "ok";
  return { ageDays, expiresOn, daysLeft, level };
}

function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(isoToUtcMillis(date) + days * 86_400_000).toISOString().slice(0, 10);
}
