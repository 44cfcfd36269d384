// The "accolti / con segnalazioni / scartati" figures of a submission.
// STS's own counts (EsitoInvii, docs/STS-PROTOCOL.md §4) win when the submission has them: nAccolti includes the
// documents with warnings, and nWarnings counts those. Without them (synchronous sends, or no outcome yet) the
// documents' own outcomes are counted the same way.
export type OutcomeCounts = {
  accepted: number;
  withWarnings: number;
  rejected: number;
  failed: number;
  pending: number;
};

type StsFigures = {
  nInviati: number | null;
  nAccolti: number | null;
  nWarnings: number | null;
  nErrori: number | null;
};

export function outcomeCounts(submission: StsFigures, documentOutcomes: Record<string, number> = {}): OutcomeCounts {
  const n = (key: string) => documentOutcomes[key] ?? 0;
  if (submission.nAccolti !== null || submission.nErrori !== null) {
    return {
      accepted: submission.nAccolti ?? 0,
      withWarnings: submission.nWarnings ?? 0,
      rejected: submission.nErrori ?? 0,
      failed: n("failed"),
      pending: 0,
    };
  }
  return {
    accepted: n("accepted") + n("accepted_with_warnings"),
    withWarnings: n("accepted_with_warnings"),
    rejected: n("rejected"),
    failed: n("failed"),
    pending: n("pending"),
  };
}
