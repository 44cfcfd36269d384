// The public test user of the STS development kit for psychologists (docs/STS-PROTOCOL.md §12): the simulator's default
// user, and the values the settings page suggests while the simulator is in use.
export const KIT_PSYCHOLOGIST = {
  username: "MTOMRA66A41G224M",
  password: "Salve123",
  pincode: "3489543096",
  cfProprietario: "MTOMRA66A41G224M",
  pIva: "65498732105",
} as const;
