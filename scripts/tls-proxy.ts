// Built-in HTTPS for reaching Parcella from other devices (README, "From a phone"): the launcher terminates TLS with
// the certificate the user provides and forwards each request to the web app, which then listens on 127.0.0.1
// only. `x-forwarded-proto: https` tells the app (and the auth library) that the browser is on HTTPS, so the
// session cookie is marked Secure.
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { createServer, type Server } from "node:https";

export function startTlsProxy(options: {
  certFile: string;
  keyFile: string;
  host: string;
  port: number;
  upstreamPort: number;
  log: (line: string) => void;
}): Promise<Server> {
  const server = createServer(
    { cert: readFileSync(options.certFile), key: readFileSync(options.keyFile), minVersion: "TLSv1.2" },
    (req, res) => {
      const upstream = request(
        {
          host: "127.0.0.1",
          port: options.upstreamPort,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, "x-forwarded-proto": "https", "x-forwarded-host": req.headers.host },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on("error", () => {
        if (res.headersSent) return res.destroy();
        res.writeHead(502, { "content-type": "text/plain; charset=utf-8" });
        res.end("Parcella si sta avviando o riavviando: riprova tra qualche secondo.\n");
      });
      req.pipe(upstream);
    },
  );
  server.on("tlsClientError", () => {}); // a client refusing the certificate is not the launcher's problem
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      options.log(`HTTPS on ${options.host}:${options.port} (certificate ${options.certFile})`);
      resolve(server);
    });
  });
}
