// The simulator's admin API refuses what a web page in a developer's browser could send it: a cross-origin request
// (Origin, Sec-Fetch-Site) and a POST that is not application/json (a cross-site form's text/plain).
import { describe, expect, it } from "vitest";
import { admin, startSimulator } from "./helpers";

describe("simulator admin API and cross-site requests", () => {
  it("refuses cross-site POSTs and keeps its faults", async () => {
    const sim = await startSimulator();
    const before = (await admin(sim, "faults", { type: "http500", operation: "all" })) as { faults: unknown[] };
    expect(before.faults).toHaveLength(1);

    const attempts: [string, RequestInit][] = [
      ["text/plain form", { method: "POST", headers: { "content-type": "text/plain" }, body: "{}" }],
      ["no content type", { method: "POST", body: "{}" }],
      [
        "urlencoded form",
        { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "a=1" },
      ],
      [
        "JSON from another origin",
        {
          method: "POST",
          headers: { "content-type": "application/json", origin: "http://evil.example" },
          body: "{}",
        },
      ],
      [
        "JSON marked cross-site",
        { method: "POST", headers: { "content-type": "application/json", "sec-fetch-site": "cross-site" }, body: "{}" },
      ],
      ["DELETE from another origin", { method: "DELETE", headers: { origin: "http://evil.example" } }],
    ];
    for (const [label, init] of attempts) {
      for (const path of ["reset", "faults"]) {
        const response = await fetch(`${sim.url}/__admin/${path}`, init);
        expect([403, 415], `${label} → ${path}`).toContain(response.status);
      }
    }
    expect(await admin(sim, "faults")).toEqual(before);

    // The same origin and plain scripts (no Origin) still work.
    const own = await fetch(`${sim.url}/__admin/reset`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: sim.url },
      body: "{}",
    });
    expect(own.status).toBe(200);
    const cleared = await fetch(`${sim.url}/__admin/faults`, { method: "DELETE", headers: { origin: sim.url } });
    expect(((await cleared.json()) as { faults: unknown[] }).faults).toEqual([]);
  });
});
