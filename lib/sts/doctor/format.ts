import type { DoctorReport } from "./run-doctor";

const MARK = { ok: "✓", warning: "!", failed: "✗", skipped: "–" } as const;

/** The report as plain text lines, for the command line. */
export function formatDoctorReport(report: DoctorReport): string {
  const lines = report.steps.flatMap((s) => [
    `${MARK[s.status]} ${s.title}: ${s.detail}`,
    ...(s.advice && s.status !== "ok" ? [`    Cosa fare: ${s.advice}`] : []),
  ]);
  lines.push(
    "",
    report.firstFailure
      ? `Diagnostica non superata: il primo problema è «${report.firstFailure.title}».`
      : "Diagnostica superata: il collegamento al Sistema TS funziona.",
  );
  return lines.join("\n");
}
