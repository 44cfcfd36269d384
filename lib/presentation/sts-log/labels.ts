import { tz } from "@date-fns/tz";
import { format } from "date-fns";
import { ROME_TIME_ZONE } from "../../domain/dates";

// Italian words for the send log. Unknown values are shown as they are rather than hidden.

const TRIGGERS: Record<string, string> = { manual: "Manuale", automatic: "Automatico" };
const CHANNELS: Record<string, string> = { async: "Lotto", sync: "Singolo documento", portal: "Portale" };
const ENVIRONMENTS: Record<string, string> = { simulator: "Simulatore", test: "Test", production: "Produzione" };
const OPERATIONS: Record<string, string> = { I: "Inserimento", V: "Variazione", C: "Cancellazione", R: "Rimborso" };

export type SubmissionPhase = "in_progress" | "completed" | "failed" | "uncertain";

const PHASES: Record<SubmissionPhase, string> = {
  in_progress: "In elaborazione",
  completed: "Completato",
  failed: "Non riuscito",
  uncertain: "Esito in verifica",
};

const OUTCOMES: Record<string, string> = {
  accepted: "Accolto",
  accepted_with_warnings: "Accolto con segnalazioni",
  partially_rejected: "Parzialmente scartato",
  rejected: "Scartato",
  failed: "Non riuscito",
  pending: "Esito non ancora disponibile",
};

const DOCUMENT_OUTCOMES: Record<string, string> = {
  pending: "In attesa dell'esito",
  accepted: "Accolto",
  accepted_with_warnings: "Accolto con segnalazioni",
  rejected: "Scartato",
  failed: "Non riuscito",
};

export const triggerLabel = (trigger: string) => TRIGGERS[trigger] ?? trigger;
export const channelLabel = (channel: string) => CHANNELS[channel] ?? channel;
export const environmentLabel = (environment: string) => ENVIRONMENTS[environment] ?? environment;
export const operationLabel = (operation: string) => OPERATIONS[operation] ?? operation;
export const submissionOutcomeLabel = (outcome: string) => OUTCOMES[outcome] ?? outcome;
export const documentOutcomeLabel = (outcome: string) => DOCUMENT_OUTCOMES[outcome] ?? outcome;
export const submissionPhaseLabel = (phase: SubmissionPhase) => PHASES[phase];

/** The four states a user needs; preparing, uploading and awaiting_outcome are all "still working". */
export function submissionPhase(status: string): SubmissionPhase {
  switch (status) {
    case "completed":
      return "completed";
    case "failed":
      return "failed";
    case "uncertain":
      return "uncertain";
    default:
      return "in_progress";
  }
}

/** "26/11/2026 14:05", read in Europe/Rome whatever the server's zone. */
export function formatRomeDateTime(instant: Date): string {
  return format(instant, "dd/MM/yyyy HH:mm", { in: tz(ROME_TIME_ZONE) });
}

/** "26/11/2026 14:05:07" for the technical details, where seconds matter. */
export function formatRomeTimestamp(instant: Date): string {
  return format(instant, "dd/MM/yyyy HH:mm:ss", { in: tz(ROME_TIME_ZONE) });
}
