import { STS_STATES, stsStateLabel, type StsState } from "@/lib/domain/sts/status";

const COLORS: Record<StsState, string | null> = {
  not_applicable: null,
  not_eligible: "var(--dot-grey)",
  to_send: "var(--dot-yellow)",
  sending: "var(--dot-yellow)",
  awaiting_outcome: "var(--dot-blue)",
  accepted: "var(--dot-green)",
  accepted_with_warnings: "var(--dot-green)",
  rejected: "var(--dot-red)",
  failed: "var(--dot-red)",
};

function asState(value: string): StsState {
  return (STS_STATES as readonly string[]).includes(value) ? (value as StsState) : "not_applicable";
}

// The STS column's dot: colour for the eye, a text label for screen readers and the tooltip with the reason.
export function StsDot({ state, reason }: { state: string; reason?: string | null }) {
  const s = asState(state);
  const color = COLORS[s];
  if (!color) return <span className="visually-hidden">{stsStateLabel(s)}</span>;
  const title = reason ? `${stsStateLabel(s)}: ${reason}` : stsStateLabel(s);
  return (
    <span title={title} data-sts-state={s} style={{ display: "inline-flex", alignItems: "center", gap: "0.3rem" }}>
      <span
        aria-hidden="true"
        className={s === "sending" ? "sts-dot sts-dot-pulse" : "sts-dot"}
        style={{
          background: color,
          boxShadow: s === "accepted_with_warnings" ? "0 0 0 2px var(--dot-yellow)" : undefined,
        }}
      />
      <span className="visually-hidden">{title}</span>
    </span>
  );
}
