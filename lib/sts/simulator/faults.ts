export const SIMULATED_OPERATIONS = [
  "inviaFileMtom",
  "EsitoInvii",
  "DettaglioErrori",
  "RicevutaPdf",
  "DocumentoSpesa730p",
  "InterrogazionePuntuale",
  "ReportMensile",
  "DettaglioSegnalazione",
  "ReportSegnalazioni",
] as const;
export type SimulatedOperation = (typeof SIMULATED_OPERATIONS)[number];

export type FaultType =
  | "latency"
  | "http500"
  | "timeout"
  | "reset"
  | "soapFault"
  | "malformed"
  | "expiredPassword"
  | "lostResponse"
  | "keepAliveReset";

export type FaultRule = {
  type: FaultType;
  /** Operation to affect, or 'all' (default). */
  operation?: SimulatedOperation | "all";
  /** Apply to the next N matching calls only; unlimited when absent. */
  times?: number;
  /** Let the first N matching calls through untouched before the rule starts to apply (a fault "mid-run"). */
  after?: number;
  /** For 'latency': delay before the normal answer. */
  latencyMs?: number;
  /** For 'expiredPassword': the user whose password is treated as expired (default: every user). */
  username?: string;
};

// 'lostResponse' is the only fault applied after processing: the request is handled (and stored) in full, then the
// connection is dropped instead of answering — STS did the work but the client never learns it.
// 'keepAliveReset' resets only a request that arrives on a connection which already carried one: a server (or a
// balancer) that dropped an idle keep-alive connection just as the client reused it.
const TYPES: FaultType[] = [
  "latency",
  "http500",
  "timeout",
  "reset",
  "soapFault",
  "malformed",
  "expiredPassword",
  "lostResponse",
  "keepAliveReset",
];

export function parseFaultRule(input: unknown): FaultRule {
  const rule = input as FaultRule;
  if (!rule || !TYPES.includes(rule.type)) throw new Error(`fault type must be one of ${TYPES.join(", ")}`);
  if (rule.operation && rule.operation !== "all" && !SIMULATED_OPERATIONS.includes(rule.operation)) {
    throw new Error(`operation must be 'all' or one of ${SIMULATED_OPERATIONS.join(", ")}`);
  }
  if (rule.times !== undefined && (!Number.isInteger(rule.times) || rule.times < 1))
    throw new Error("times must be a positive integer");
  if (rule.after !== undefined && (!Number.isInteger(rule.after) || rule.after < 0))
    throw new Error("after must be a non-negative integer");
  return { ...rule };
}

/** Takes the faults that apply to this call (consuming one use of each limited rule). */
export function takeFaults(
  rules: FaultRule[],
  operation: SimulatedOperation,
  username: string | null,
  connection: { reused: boolean } = { reused: false },
): FaultRule[] {
  const matched: FaultRule[] = [];
  for (const rule of rules) {
    if (rule.operation && rule.operation !== "all" && rule.operation !== operation) continue;
    if (rule.type === "keepAliveReset" && !connection.reused) continue;
    if (rule.type === "expiredPassword" && rule.username && rule.username !== username) continue;
    if (rule.after !== undefined && rule.after > 0) {
      rule.after -= 1;
      continue;
    }
    matched.push(rule);
    if (rule.times !== undefined) rule.times -= 1;
  }
  for (let i = rules.length - 1; i >= 0; i--) if (rules[i].times === 0) rules.splice(i, 1);
  return matched;
}
