// The web benchmark's tables (bench/web.ts): one row per page and concurrency; with --ratio-rounds, each page beside
// the cheapest response round after round; with --count-statements, the statements the server ran per request and
// the costliest of them.
import { fmt, markdownTable, median } from "./stats";
import type { WebResult } from "../web";

/** The markdown tables: one row per page and concurrency, the ratio to the mean of the cheapest response's req/s. */
export function webReport(results: WebResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    out.push(
      `\n### 5. The web under concurrent use (${r.provider}; ${r.invoices} invoices, ${r.patients} patients, ${r.submissions} submissions; ${r.webProcesses} web process${r.webProcesses === 1 ? "" : "es"}; load average ${r.loadBefore} → ${r.loadAfter})\n`,
    );
    const rows = r.phases.map((p, i) => {
      const cheap = r.phases.filter((x) => x.concurrency === p.concurrency && x.path === "/login");
      const cheapest = cheap.reduce((s, x) => s + x.perSecond, 0) / cheap.length;
      const size = r.sizes[p.target];
      const first = p.path === "/login" && r.phases.findIndex((x) => x.concurrency === p.concurrency) === i;
      return [
        p.concurrency,
        p.path === "/login" ? `${p.target} (${first ? "before" : "after"})` : p.target,
        p.requests,
        fmt(p.perSecond),
        p.path === "/login" ? "1" : fmt(p.perSecond / cheapest, 2),
        fmt(p.p50),
        fmt(p.p95),
        fmt(p.p99),
        fmt(p.serverCpuMs),
        fmt(p.databaseCpuMs),
        fmt(p.clientCpuMs, 2),
        fmt(p.machineBusyPct, 0),
        size ? `${size.htmlBytes} (${size.htmlGzipBytes})` : "–",
        size ? `${size.rscBytes} (${size.rscGzipBytes})` : "–",
      ];
    });
    out.push(
      markdownTable(
        [
          "clients",
          "page",
          "requests",
          "req/s",
          "÷ cheapest",
          "p50 ms",
          "p95 ms",
          "p99 ms",
          "server CPU ms/req",
          "PostgreSQL CPU ms/req",
          "load generator CPU ms/req",
          "machine busy %",
          "HTML bytes (gzip)",
          "RSC bytes (gzip)",
        ],
        rows,
      ),
    );
    if (r.pairs.length) out.push(pairsTable(r.pairs));
    const counted = r.statements.filter((c) => c.concurrency === Math.min(...r.statements.map((x) => x.concurrency)));
    if (counted.length) {
      out.push(`\nStatements the server ran in SQLite per request (clients: ${counted[0]!.concurrency}):\n`);
      out.push(
        markdownTable(
          ["page", "statements/request", "ms in SQLite/request", "costliest statements (per request: count, ms)"],
          counted.map((c) => [
            c.target,
            fmt(c.perRequest, 1),
            fmt(c.sqliteMsPerRequest, 2),
            c.top
              .slice(0, 3)
              .map(
                (t) =>
                  `\`${t.sql.slice(0, 90).replace(/\|/g, "\\|")}\` (${fmt(t.perRequest, 1)}, ${fmt(t.msPerRequest, 2)})`,
              )
              .join("; "),
          ]),
        ),
      );
    }
  }
  return out.join("\n");
}

/** Per page: its ratio to the cheapest response in each back-to-back round, and the medians over the rounds. */
function pairsTable(pairs: WebResult["pairs"]): string {
  const pages = [...new Set(pairs.map((p) => p.target))];
  const rounds = Math.max(...pairs.map((p) => p.round));
  const rows = pages.map((page) => {
    const mine = pairs.filter((p) => p.target === page);
    const ratios = mine.map((p) => p.page.perSecond / p.cheapest.perSecond);
    return [
      page,
      ratios.map((x) => fmt(x, 2)).join(", "),
      `**${fmt(median(ratios), 2)}**`,
      fmt(median(mine.map((p) => p.page.perSecond))),
      fmt(median(mine.map((p) => p.cheapest.perSecond))),
      fmt(median(mine.map((p) => p.page.p95))),
      fmt(median(mine.map((p) => p.page.serverCpuMs))),
      fmt(median(mine.map((p) => p.cheapest.serverCpuMs))),
      fmt(median(mine.map((p) => p.page.databaseCpuMs))),
    ];
  });
  return [
    `\nEach page beside the cheapest response, back to back (${pairs[0]!.concurrency} clients, ${rounds} rounds, the order alternating; medians over the rounds):\n`,
    markdownTable(
      [
        "page",
        "÷ cheapest, each round",
        "÷ cheapest, median",
        "page req/s",
        "cheapest req/s",
        "page p95 ms",
        "page server CPU ms/req",
        "cheapest server CPU ms/req",
        "page PostgreSQL CPU ms/req",
      ],
      rows,
    ),
  ].join("\n");
}
