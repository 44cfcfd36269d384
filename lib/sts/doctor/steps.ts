export type DoctorStepId = "dns" | "connection" | "auth" | "pin" | "certificate" | "clock";
export type DoctorStatus = "ok" | "warning" | "failed" | "skipped";

/** One step of the diagnosis: what was checked, what came out, and (when something is wrong) what to do. */
export type DoctorStep = {
  id: DoctorStepId;
  title: string;
  status: DoctorStatus;
  /** Italian: what was found. */
  detail: string;
  /** Italian: what to do, when the step failed or warns. */
  advice: string | null;
};

export const STEP_TITLES: Record<DoctorStepId, string> = {
  dns: "Risoluzione del nome",
  connection: "Connessione e TLS",
  auth: "Utente e password (HTTP Basic)",
  pin: "PIN",
  certificate: "Certificato di cifratura",
  clock: "Orologio",
};

export function step(id: DoctorStepId, status: DoctorStatus, detail: string, advice: string | null = null): DoctorStep {
  return { id, title: STEP_TITLES[id], status, detail, advice };
}

export function skipped(id: DoctorStepId, because: string): DoctorStep {
  return step(id, "skipped", `Non verificato: ${because}`);
}
