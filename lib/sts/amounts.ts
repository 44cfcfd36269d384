/**
 * An amount as the query services write it (xs:double in the XML, a decimal in the CSVs: "90.0", "25.3", "402",
 * "40.300000000000004", "12,50", "1.0E3") → integer cents, rounded half up at the third decimal; null when it is
 * not a number. Decimal strings are read digit by digit, so no floating-point error creeps in.
 */
export function parseStsAmount(value: string | undefined | null): number | null {
  const text = (value ?? "").trim().replace(",", ".");
  const decimal = /^(-?)(\d+)(?:\.(\d*))?$/.exec(text);
  if (decimal) {
    const [, sign, whole, fraction = ""] = decimal;
    const digits = fraction.padEnd(3, "0");
    const cents = Number(whole) * 100 + Number(digits.slice(0, 2)) + (Number(digits[2]) >= 5 ? 1 : 0);
    return sign ? -cents : cents;
  }
  if (!/^-?\d+(\.\d+)?[eE][+-]?\d+$/.test(text)) return null;
  const number = Number(text);
  return Number.isFinite(number) ? Math.round(number * 100) : null;
}

/** Integer cents → an xs:double written the way STS's Java services do ("90.0", "5.5", "12.34"). */
export function formatStsDouble(cents: number): string {
  const whole = Math.trunc(cents / 100);
  const rest = Math.abs(cents % 100);
  const sign = cents < 0 && whole === 0 ? "-" : "";
  if (rest === 0) return `${sign}${whole}.0`;
  return `${sign}${whole}.${String(rest).padStart(2, "0").replace(/0$/, "")}`;
}
