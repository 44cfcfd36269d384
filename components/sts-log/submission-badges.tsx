import {
  environmentLabel,
  submissionOutcomeLabel,
  submissionPhase,
  submissionPhaseLabel,
} from "@/lib/presentation/sts-log/labels";
import styles from "./sts-log.module.css";

const ENVIRONMENT_TONES: Record<string, string> = {
  simulator: "badge-info",
  test: "badge-warning",
  production: "badge-success",
};

export function EnvironmentBadge({ environment }: { environment: string }) {
  return (
    <span className={`badge ${ENVIRONMENT_TONES[environment] ?? "badge-info"}`}>{environmentLabel(environment)}</span>
  );
}

const PHASE_TONES = {
  in_progress: "badge-info",
  completed: "badge-info",
  failed: "badge-danger",
  uncertain: "badge-warning",
} as const;
const OUTCOME_TONES: Record<string, string> = {
  accepted: "badge-success",
  accepted_with_warnings: "badge-success",
  partially_rejected: "badge-warning",
  rejected: "badge-danger",
  failed: "badge-danger",
};

// The state of the transmission (is it finished?) and, once known, what STS made of it.
export function SubmissionStateBadges({ status, outcome }: { status: string; outcome: string | null }) {
  const phase = submissionPhase(status);
  const showOutcome = outcome && !(phase === "failed" && outcome === "failed");
  // A finished transmission is told by its outcome alone: a green "Completato" beside a red "Scartato" read as a
  // success.
  const showPhase = !(phase === "completed" && showOutcome);
  return (
    <span className={styles.stateBadges}>
      {showPhase ? <span className={`badge ${PHASE_TONES[phase]}`}>{submissionPhaseLabel(phase)}</span> : null}
      {showOutcome ? (
        <span className={`badge ${OUTCOME_TONES[outcome] ?? "badge-info"}`}>{submissionOutcomeLabel(outcome)}</span>
      ) : null}
    </span>
  );
}
