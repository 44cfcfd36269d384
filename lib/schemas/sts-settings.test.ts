import { describe, expect, it } from "vitest";
import { makeStsSettingsSchema, stsSecretWarnings, stsUsernameWarnings, type StsSettingsInput } from "./sts-settings";

const today = new Date("2026-03-15T10:00:00Z");
const firstSave = makeStsSettingsSchema({ today, hasPassword: false, hasPincode: false });
const laterSave = makeStsSettingsSchema({ today, hasPassword: true, hasPincode: true });

const valid: StsSettingsInput = {
  cfTitolare: " mtomra66a41g224m ",
  username: "",
  password: "Salve123",
  pincode: "3489543096",
  autoSend: false,
  autoSendFrom: "",
  passwordValidityDays: "",
};

function errorsOf(input: Partial<StsSettingsInput>, schema = firstSave) {
  const parsed = schema.safeParse({ ...valid, ...input });
  if (parsed.success) return {};
  return Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("STS settings schema", () => {
  it("normalises the CF, defaults the codice identificativo to it and trims the secrets", () => {
    const data = firstSave.parse({ ...valid, password: "  Salve123 ", pincode: " 3489543096\t" });
    expect(data).toEqual({
      cfTitolare: "MTOMRA66A41G224M",
      username: "MTOMRA66A41G224M",
      password: "Salve123",
      pincode: "3489543096",
      autoSend: false,
      autoSendFrom: null,
      passwordValidityDays: null,
    });
  });

  it("keeps a different codice identificativo, upper-cased", () => {
    expect(firstSave.parse({ ...valid, username: " abc12345 " }).username).toBe("ABC12345");
  });

  it.each([
    ["cfTitolare", { cfTitolare: "" }, /Inserisci il codice fiscale/],
    ["cfTitolare", { cfTitolare: "MTOMRA66A41G224X" }, /controllo/],
    ["cfTitolare", { cfTitolare: "12345678903" }, /personale/],
    ["username", { username: "ABC" }, /da 6 a 20/],
    ["username", { username: "ABC-12345" }, /da 6 a 20/],
    ["password", { password: "" }, /Inserisci la password/],
    ["password", { password: "   " }, /solo di spazi/],
    ["pincode", { pincode: "" }, /Inserisci il PIN/],
    ["pincode", { pincode: "34895430AB" }, /solo di cifre/],
    ["pincode", { pincode: "3489 543096" }, /spazi/],
    ["pincode", { pincode: "3489543" }, /10 cifre: ne hai inserite 7/],
    ["pincode", { pincode: "3489543096123" }, /ne hai inserite 13/],
    ["autoSendFrom", { autoSend: true, autoSendFrom: "" }, /data minima/],
    ["autoSendFrom", { autoSend: true, autoSendFrom: "31/02/2026" }, /non esiste/],
    ["passwordValidityDays", { passwordValidityDays: "29" }, /tra 30 e 180/],
    ["passwordValidityDays", { passwordValidityDays: "181" }, /tra 30 e 180/],
    ["passwordValidityDays", { passwordValidityDays: "6o" }, /tra 30 e 180/],
  ] as const)("refuses a bad %s: %j", (field, input, message) => {
    expect(errorsOf(input)[field]).toMatch(message);
  });

  it("accepts empty secrets when they are already stored (write-only fields keep the stored value)", () => {
    const data = laterSave.parse({ ...valid, password: "", pincode: "" });
    expect(data.password).toBeNull();
    expect(data.pincode).toBeNull();
  });

  it("requires the minimum date only when automatic sending is on, and stores it as ISO", () => {
    expect(errorsOf({ autoSend: false, autoSendFrom: "" })).toEqual({});
    expect(firstSave.parse({ ...valid, autoSend: true, autoSendFrom: "01/01/2026" }).autoSendFrom).toBe("2026-01-01");
    expect(firstSave.parse({ ...valid, autoSend: true, autoSendFrom: "2026-02-03" }).autoSendFrom).toBe("2026-02-03");
  });

  it("accepts a validity between 30 and 180 days", () => {
    expect(firstSave.parse({ ...valid, passwordValidityDays: "30" }).passwordValidityDays).toBe(30);
    expect(firstSave.parse({ ...valid, passwordValidityDays: "180" }).passwordValidityDays).toBe(180);
  });
});

describe("stsSecretWarnings", () => {
  it.each([
    [{ password: "Salve123", pincode: "3489543096" }, {}],
    [{ password: "", pincode: "" }, {}],
    [{ password: " Salve123\n" }, { password: [/spazi all'inizio o alla fine/] }],
    [{ password: "Salve 123" }, { password: [/contiene spazi/] }],
    [{ password: "Salvè123" }, { password: [/contiene lettere accentate: il Sistema TS è segnalato rifiutare/] }],
    [{ password: "Salve€123" }, { password: [/contiene il simbolo €:/] }],
    [{ password: "Salve&123" }, { password: [/contiene la &:/] }],
    [{ password: "Salve!123" }, { password: [/contiene segni di punteggiatura diversi dal punto:/] }],
    [{ password: "Sàlve€&.1" }, { password: [/il simbolo €, la &, lettere accentate: .*il punto invece funziona/] }],
    [{ password: "Salve.123" }, {}],
    [{ password: "Salve\u200b123" }, { password: [/caratteri insoliti/] }],
    [{ password: "“Salve123”" }, { password: [/caratteri insoliti/] }],
    [{ pincode: "3489543096 " }, { pincode: [/spazi all'inizio o alla fine del PIN/] }],
    [{ pincode: "348954309" }, { pincode: [/di solito ha 10 cifre; questo ne ha 9/] }],
  ])("%j → %j", (input, expected) => {
    const warnings = stsSecretWarnings(input);
    expect(Object.keys(warnings).sort()).toEqual(Object.keys(expected).sort());
    for (const [field, patterns] of Object.entries(expected)) {
      expect(warnings[field]).toHaveLength(patterns.length);
      patterns.forEach((p, i) => expect(warnings[field]![i]).toMatch(p));
    }
  });

  it("warns about a codice identificativo that looks like the portal's nickname", () => {
    expect(stsUsernameWarnings({ username: "mario.rossi", cfTitolare: "MTOMRA66A41G224M" }).username?.[0]).toMatch(
      /nickname.*MTOM/,
    );
    expect(stsUsernameWarnings({ username: "MarioRossi66", cfTitolare: "MTOMRA66A41G224M" }).username).toHaveLength(1);
    expect(stsUsernameWarnings({ username: "", cfTitolare: "MTOMRA66A41G224M" })).toEqual({});
    expect(stsUsernameWarnings({ username: "mtomra66a41g224m", cfTitolare: "MTOMRA66A41G224M" })).toEqual({});
    expect(stsUsernameWarnings({ username: "RSSMRA80A01H501U", cfTitolare: "MTOMRA66A41G224M" })).toEqual({});
  });

  it("never repeats the secret in a warning", () => {
    const all = Object.values(stsSecretWarnings({ password: " Sàlve 123 ", pincode: " 348954309 " }))
      .flat()
      .join(" ");
    expect(all).not.toContain("Sàlve");
    expect(all).not.toContain("348954309");
  });
});
