import type { IncomingMessage, ServerResponse } from "node:http";
import { createPrivateKey } from "node:crypto";
import { listDocuments, plantCitizenReports, plantDocuments } from "./admin-plant";
import { keyFingerprint, type SimulatorConfig, type SimulatorContext } from "./context";
import { parseFaultRule, type FaultRule } from "./faults";
import type { SimulatorState, SimulatorUser } from "./state";

export type AdminTarget = {
  config: SimulatorConfig;
  faults: FaultRule[];
  state: SimulatorState;
  requestCounts: Record<string, number>;
  decryptions: Record<string, number>;
  traffic: { inFlight: number; peakInFlight: number; connections: number };
  reset(): void;
  /** The live context (its state is replaced on reset): where planted documents and reports go. */
  context: SimulatorContext;
};

function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(value, null, 2));
}

/** Users without their secrets: the admin API never echoes passwords or PINs. */
function publicUsers(users: SimulatorUser[]) {
  return users.map(({ username, cfProprietario, pIva, pinActive }) => ({
    username,
    cfProprietario,
    pIva,
    pinActive: pinActive !== false,
  }));
}

function applyConfig(config: SimulatorConfig, patch: Partial<SimulatorConfig>): void {
  const list = (value: unknown) => Array.isArray(value) && value.every((v) => typeof v === "string");
  if (patch.rejectedCfs !== undefined) {
    if (!list(patch.rejectedCfs)) throw new Error("rejectedCfs must be a list of strings");
    config.rejectedCfs = patch.rejectedCfs.map((cf) => cf.toUpperCase());
  }
  if (patch.notInRegistryCfs !== undefined) {
    if (!list(patch.notInRegistryCfs)) throw new Error("notInRegistryCfs must be a list of strings");
    config.notInRegistryCfs = patch.notInRegistryCfs.map((cf) => cf.toUpperCase());
  }
  if (patch.processingDelayMs !== undefined) {
    if (!Number.isInteger(patch.processingDelayMs) || patch.processingDelayMs < 0)
      throw new Error("processingDelayMs must be a non-negative integer");
    config.processingDelayMs = patch.processingDelayMs;
  }
  if (patch.csvLayout !== undefined) {
    if (patch.csvLayout !== "standard" && patch.csvLayout !== "reordered")
      throw new Error('csvLayout must be "standard" or "reordered"');
    config.csvLayout = patch.csvLayout;
  }
  if (patch.users !== undefined) {
    const valid =
      Array.isArray(patch.users) &&
      patch.users.every(
        (u) =>
          u &&
          typeof u.username === "string" &&
          typeof u.password === "string" &&
          typeof u.pincode === "string" &&
          typeof u.cfProprietario === "string",
      );
    if (!valid)
      throw new Error("users must be a list of { username, password, pincode, cfProprietario, pIva?, pinActive? }");
    config.users = patch.users.map((u) => ({ ...u, cfProprietario: u.cfProprietario.toUpperCase() }));
  }
  if (patch.privateKeyPems !== undefined) {
    if (!list(patch.privateKeyPems) || patch.privateKeyPems.length === 0)
      throw new Error("privateKeyPems must be a non-empty list of PEM private keys");
    for (const pem of patch.privateKeyPems) createPrivateKey(pem); // refuses what is not a key
    config.privateKeyPems = [...patch.privateKeyPems];
  }
}

/** The configuration as the admin API shows it: no user secrets, keys as fingerprints only. */
function publicConfig(config: SimulatorConfig) {
  const { users, privateKeyPems, ...rest } = config;
  return { ...rest, users: publicUsers(users), keys: privateKeyPems.map(keyFingerprint) };
}

/**
 * A web page open in a developer's browser must not drive the admin API (reset it, inject faults): a request that
 * a browser marks as coming from another origin (Origin, or Sec-Fetch-Site) is refused, and a POST must be
 * `application/json` — a type no cross-site form can send and that a cross-origin fetch can send only after a
 * CORS preflight, which the simulator never grants. Tests and scripts (no Origin header) are unaffected.
 */
export function crossSiteRefusal(req: IncomingMessage): { status: number; error: string } | null {
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${req.headers.host}` && origin !== `https://${req.headers.host}`) {
    return { status: 403, error: "cross-origin requests are refused" };
  }
  const site = req.headers["sec-fetch-site"];
  if (site !== undefined && site !== "same-origin" && site !== "none") {
    return { status: 403, error: "cross-site requests are refused" };
  }
  const type = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if (req.method === "POST" && type !== "application/json") {
    return { status: 415, error: "POST requests must be application/json" };
  }
  return null;
}

/**
 * JSON admin API for tests and manual runs (docs/STS.md):
 * GET/POST/DELETE /__admin/faults, POST /__admin/reset, GET /__admin/counts, GET/POST /__admin/config,
 * GET/POST /__admin/documents, GET/POST /__admin/citizen-reports.
 */
export function handleAdmin(target: AdminTarget, req: IncomingMessage, res: ServerResponse, body: string): void {
  const path = (req.url ?? "").split("?")[0];
  const method = req.method ?? "GET";
  const refusal = crossSiteRefusal(req);
  if (refusal) return json(res, refusal.status, { error: refusal.error });
  try {
    const input = body.trim() ? JSON.parse(body) : {};
    if (path === "/__admin/faults") {
      if (method === "GET") return json(res, 200, { faults: target.faults });
      if (method === "DELETE") {
        target.faults.splice(0);
        return json(res, 200, { faults: [] });
      }
      if (method === "POST") {
        const rules = Array.isArray(input) ? input : Array.isArray(input.faults) ? input.faults : [input];
        target.faults.push(...rules.map(parseFaultRule));
        return json(res, 200, { faults: target.faults });
      }
    }
    if (path === "/__admin/reset" && method === "POST") {
      target.reset();
      return json(res, 200, { ok: true });
    }
    if (path === "/__admin/counts" && method === "GET") {
      return json(res, 200, {
        documents: target.state.counts,
        requests: target.requestCounts,
        submissions: target.state.submissions.length,
        peakInFlight: target.traffic.peakInFlight,
        connections: target.traffic.connections,
        decryptions: target.decryptions,
      });
    }
    if (path === "/__admin/documents") {
      if (method === "GET") return json(res, 200, listDocuments(target.context));
      if (method === "POST") return json(res, 200, plantDocuments(target.context, input));
    }
    if (path === "/__admin/citizen-reports") {
      if (method === "GET") return json(res, 200, { reports: target.context.state.citizenReports });
      if (method === "POST") return json(res, 200, plantCitizenReports(target.context, input));
    }
    if (path === "/__admin/config") {
      if (method === "POST") applyConfig(target.config, input as Partial<SimulatorConfig>);
      if (method === "POST" || method === "GET") return json(res, 200, publicConfig(target.config));
    }
    return json(res, 404, { error: "unknown admin endpoint" });
  } catch (error) {
    return json(res, 400, { error: (error as Error).message });
  }
}
