import { describe, expect, it } from "vitest";
import { compareCodiceFiscaleWithName, firstNameLetters, surnameLetters } from "./codice-fiscale-name";

describe("letters of the codice fiscale from the names", () => {
  it.each([
    ["Rossi", "RSS"],
    ["Bianchi", "BNC"],
    ["Fo", "FOX"],
    ["Re", "REX"],
    ["D'Amico", "DMC"],
    ["De Luca", "DLC"],
    ["Àlvarez", "LVR"],
    ["Ai", "AIX"],
  ])("surname %s → %s", (surname, code) => expect(surnameLetters(surname)).toBe(code));

  it.each([
    ["Mario", "MRA"],
    ["Maria", "MRA"],
    ["Giovanni", "GNN"],
    ["Francesca", "FNC"],
    ["Nicolò", "NCL"],
    ["Gianluca", "GLC"],
    ["Ugo", "GUO"],
    ["Ia", "IAX"],
    ["Anna Maria", "NMR"],
  ])("name %s → %s", (name, code) => expect(firstNameLetters(name)).toBe(code));
});

describe("compareCodiceFiscaleWithName", () => {
  it("matches a code made from the names, omocodic or not", () => {
    expect(compareCodiceFiscaleWithName("RSSMRA80A01H501U", "Mario", "Rossi")).toEqual({
      matches: true,
      expected: "RSS MRA",
      found: "RSS MRA",
    });
    expect(compareCodiceFiscaleWithName("rss mra 80A01H50MU", "mario", "ROSSI")?.matches).toBe(true);
  });
  it("tells a code of another person", () => {
    expect(compareCodiceFiscaleWithName("BNCLCU85M41F205X", "Mario", "Rossi")).toEqual({
      matches: false,
      expected: "RSS MRA",
      found: "BNC LCU",
    });
  });
  it("has nothing to say without both names or without a 16-character code", () => {
    expect(compareCodiceFiscaleWithName("RSSMRA80A01H501U", "", "Rossi")).toBeNull();
    expect(compareCodiceFiscaleWithName("12345678901", "Mario", "Rossi")).toBeNull();
    expect(compareCodiceFiscaleWithName("RSSMRA", "Mario", "Rossi")).toBeNull();
  });
});
