import { createServer, request, Agent, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { BASIC_AUTH_ENCODING, basicAuthorization } from "../../lib/sts/client/basic-auth";
import { SIMULATOR_CERT_PEM, SIMULATOR_PRIVATE_KEY_PEM } from "../../lib/sts/crypto/certs/simulator-key";
import { soapFault } from "../../lib/sts/simulator/soap-xml";
import { makeEncryptionCertificate, makePrivateCa } from "../certificates";
import { admin, clientFor, fileOf, invoice, KIT_CREDENTIALS, startSimulator } from "./helpers";

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A bare HTTP server that records the request headers and answers `body` (status 500, text/xml). */
async function recordingServer(body: string) {
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    seen.push(req.headers);
    req.resume();
    req.on("end", () => {
      res.writeHead(500, { "content-type": "text/xml; charset=utf-8" });
      res.end(body);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

describe("TLS toward STS: a private certification authority, real TLS, certificate checks always on", () => {
  it("fails with an explained TLS error without the extra CA, and works with it", async () => {
    const ca = makePrivateCa();
    const sim = await startSimulator({ tls: { certPem: ca.serverCertPem, keyPem: ca.serverKeyPem } });
    expect(sim.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);

    const refused = await clientFor(sim).checkCredentials();
    expect(refused).toMatchObject({ kind: "permanent", code: "TLS_UNTRUSTED" });
    if (refused.kind !== "permanent") throw new Error("unreachable");
    expect(refused.message).toContain("STS_CA_FILE");
    expect(refused.message).toContain("UNABLE_TO_VERIFY_LEAF_SIGNATURE");

    const trusted = clientFor(sim, { connection: { extraCaPem: ca.caPem } });
    expect((await trusted.checkCredentials()).kind).toBe("ok");
    expect((await trusted.uploadFile(fileOf([invoice()]))).kind).toBe("accepted");
  });
});

describe("connections: no keep-alive toward STS", () => {
  it("a server that resets reused idle connections never hurts the client: one connection per call", async () => {
    const sim = await startSimulator({ faults: [{ type: "keepAliveReset" }] });
    const client = clientFor(sim);
    const results = [
      await client.checkCredentials(),
      await client.uploadFile(fileOf([invoice()])),
      await client.getOutcome({ protocollo: "99260312000000001" }),
      await client.uploadFile(fileOf([invoice()])),
      await client.sendDocument(invoice()),
      await client.getReceipt("99260312000000001"),
    ];
    expect(results.map((r) => r.kind)).toEqual(["ok", "accepted", "not_found", "accepted", "accepted", "not_found"]);
    const counts = await admin(sim, "counts");
    const requests = Object.values(counts.requests as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(requests).toBe(6);
    expect(counts.connections).toBe(6 + 1); // + the admin call itself
  });

  it("the fault does bite a keep-alive client: the reused connection is reset (the case the client avoids)", async () => {
    const sim = await startSimulator({ faults: [{ type: "keepAliveReset" }] });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const post = () =>
      new Promise<string>((resolve) => {
        const req = request(
          `${sim.url}/EsitoStatoInviiWEB/EsitoInvioDatiSpesa730Service`,
          { method: "POST", agent, headers: { authorization: basicAuthorization("MTOMRA66A41G224M", "Salve123") } },
          (res) => {
            res.resume();
            res.on("end", () => resolve(`HTTP ${res.statusCode}`));
          },
        );
        req.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
        req.end("<x/>");
      });
    expect(await post()).toBe("HTTP 500"); // not SOAP, but answered: the connection stays open
    expect(await post()).toBe("ECONNRESET");
    agent.destroy();
  });
});

describe("HTTP Basic credentials", () => {
  it("are sent as UTF-8, explicitly: what the server receives decodes to the exact password", async () => {
    const server = await recordingServer(soapFault("Client", "Errore generico di autenticazione"));
    const password = "Pàss€&.1";
    const result = await clientFor({ url: server.url, certificatePem: SIMULATOR_CERT_PEM } as never, {
      baseUrl: server.url,
      credentials: { password },
    }).checkCredentials();
    expect(result).toMatchObject({ kind: "credentials", code: "AUTH" });
    const header = String(server.seen[0]?.authorization);
    expect(header).toBe(basicAuthorization(KIT_CREDENTIALS.username, password));
    const bytes = Buffer.from(header.replace(/^Basic /, ""), "base64");
    expect(BASIC_AUTH_ENCODING).toBe("utf8");
    expect(bytes.equals(Buffer.from(`MTOMRA66A41G224M:${password}`, "utf8"))).toBe(true);
    expect(bytes.equals(Buffer.from(`MTOMRA66A41G224M:${password}`, "latin1"))).toBe(false);
    expect(String(result.kind === "credentials" && result.message)).toContain("nickname");
  });

  it("a password with accented letters and symbols works against a server that decodes UTF-8", async () => {
    const user = { ...KIT_CREDENTIALS, password: "Pàss€&.1" };
    const sim = await startSimulator({ users: [{ ...user, pIva: "65498732105" }] });
    expect((await clientFor(sim, { credentials: { password: user.password } }).checkCredentials()).kind).toBe("ok");
  });

  it("STS's 'lettore per il messaggio MTOM' answer is explained as the nickname / expired password mistake", async () => {
    const server = await recordingServer(
      soapFault("Client", "Errore nella creazione di un lettore per il messaggio MTOM"),
    );
    const result = await clientFor({ url: server.url, certificatePem: SIMULATOR_CERT_PEM } as never, {
      baseUrl: server.url,
    }).checkCredentials();
    expect(result).toMatchObject({ kind: "credentials", code: "MTOM_READER" });
    expect(String(result.kind === "credentials" && result.message)).toMatch(/nickname.*codice fiscale/);
  });
});

describe("timeouts per operation", () => {
  it("each kind of call has its own timeout", async () => {
    const sim = await startSimulator({ faults: [{ type: "latency", operation: "EsitoInvii", latencyMs: 1500 }] });
    const client = clientFor(sim, { timeoutMs: undefined, timeouts: { outcome: 400, check: 10_000 } });
    // The same EsitoInvii operation on the server: a poll gives up at 400 ms, a credentials check waits.
    expect(await client.getOutcome({ protocollo: "99260312000000001" })).toMatchObject({
      kind: "transient",
      code: "TIMEOUT",
    });
    expect((await client.checkCredentials()).kind).toBe("ok");
  });
});

describe("the encryption certificate is asked for before every operation", () => {
  it("switching the certificate between two calls of one client switches the key", async () => {
    const next = makeEncryptionCertificate();
    const sim = await startSimulator({ privateKeyPems: [next.privateKeyPem] });
    let pem = SIMULATOR_CERT_PEM;
    const client = clientFor(sim, { certificatePem: () => pem });
    expect(await client.checkCredentials()).toMatchObject({ kind: "credentials", code: "002" });
    pem = next.certificatePem;
    expect((await client.checkCredentials()).kind).toBe("ok");
    const counts = await admin(sim, "counts");
    expect(Object.values(counts.decryptions)).toEqual([1]);
    expect((await admin(sim, "config")).keys).toHaveLength(1);
    // Both keys at once: the old certificate works again, and each key's decryptions are counted.
    await admin(sim, "config", { privateKeyPems: [SIMULATOR_PRIVATE_KEY_PEM, next.privateKeyPem] });
    pem = SIMULATOR_CERT_PEM;
    expect((await client.checkCredentials()).kind).toBe("ok");
    expect(Object.values((await admin(sim, "counts")).decryptions).sort()).toEqual([1, 1]);
  });
});
