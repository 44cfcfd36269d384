// Where a CPU profile's time goes (a `.cpuprofile` written by node --cpu-prof, e.g. the web server's with
// BENCH_WEB_NODE_ARGS): self time by origin (the package or part of the build a function comes from) and the
// functions with the most self time. Idle time is left out of the percentages.
//   tsx bench/profile-summary.ts <file.cpuprofile> [--top 25]
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: "string" } } });
const profile = JSON.parse(readFileSync(positionals[0]!, "utf8")) as Profile;
const top = Number(values.top ?? 25);

function origin(node: Node): string {
  const { url, functionName } = node.callFrame;
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?:dist\/compiled\/([^/]+))?/.exec(url);
  if (pkg) return pkg[2] ? `${pkg[1]} → ${pkg[2]}` : pkg[1]!;
  if (url.includes("/.next/server/")) return ".next/server (the app and what the build bundled with it)";
  if (url.startsWith("node:")) return "node";
  return url.replace(/^file:\/\//, "");
}

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
let busy = 0;
let idle = 0;
const origins = new Map<string, number>();
const functions = new Map<string, number>();
for (const [id, us] of self) {
  const node = byId.get(id)!;
  if (node.callFrame.functionName === "(idle)") {
    idle += us;
    continue;
  }
  busy += us;
  const o = origin(node);
  origins.set(o, (origins.get(o) ?? 0) + us);
  const { functionName, url, lineNumber } = node.callFrame;
  const key = `${functionName || "(anonymous)"} ${url.split("/").slice(-2).join("/")}:${lineNumber + 1}`;
  functions.set(key, (functions.get(key) ?? 0) + us);
}

// Inclusive: the time during which a function of that origin was anywhere on the (synchronous) stack.
const inclusive = new Map<string, number>();
for (const [id, us] of self) {
  if (byId.get(id)!.callFrame.functionName === "(idle)") continue;
  const seen = new Set<string>();
  for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) seen.add(origin(byId.get(n)!));
  for (const o of seen) inclusive.set(o, (inclusive.get(o) ?? 0) + us);
}

const pct = (us: number) => `${((100 * us) / busy).toFixed(1)} %`;
console.log(`busy ${(busy / 1e6).toFixed(2)} s, idle ${(idle / 1e6).toFixed(2)} s\n`);
console.log("| origin | self time | share of busy |\n|---|---|---|");
for (const [o, us] of [...origins].sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(`| ${o} | ${(us / 1000).toFixed(0)} ms | ${pct(us)} |`);
console.log("\n| function | self time | share of busy |\n|---|---|---|");
for (const [f, us] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(`| \`${f.replace(/\|/g, "\\|")}\` | ${(us / 1000).toFixed(0)} ms | ${pct(us)} |`);
console.log("\n| origin on the stack | time | share of busy |\n|---|---|---|");
for (const [o, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(`| ${o} | ${(us / 1000).toFixed(0)} ms | ${pct(us)} |`);
