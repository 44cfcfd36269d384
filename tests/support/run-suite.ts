// `npm test`: the whole suite as one command. Stops at once, with the fix, when the machine lacks what the suite needs;
// runs the three static checks side by side (each is one process, and a 2-core machine has room for them), then
// vitest, then Playwright, and stops at the first part that fails. Ends with the time of each part.
import { spawn } from "node:child_process";
import { missingChromium } from "./prerequisites";

type Part = { name: string; command: string; args: string[] };

const STATIC_CHECKS: Part[] = [
  { name: "types", command: "npx", args: ["tsc", "--noEmit"] },
  { name: "lint", command: "npx", args: ["eslint", "--max-warnings", "0", "."] },
  { name: "format", command: "npx", args: ["prettier", "--check", "--log-level", "warn", "."] },
];
const VITEST: Part = { name: "vitest (unit, STS, integration)", command: "npx", args: ["vitest", "run"] };
const PLAYWRIGHT: Part = { name: "browser (Playwright)", command: "npx", args: ["playwright", "test"] };

const times: string[] = [];

function run(part: Part, output: "inherit" | "buffer"): Promise<{ ok: boolean; text: string }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(part.command, part.args, { stdio: output === "inherit" ? "inherit" : "pipe" });
    let text = "";
    child.stdout?.on("data", (chunk: Buffer) => (text += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (text += chunk.toString()));
    child.on("close", (code) => {
      times.push(`${part.name}: ${((Date.now() - started) / 1000).toFixed(0)} s${code === 0 ? "" : " (failed)"}`);
      resolve({ ok: code === 0, text });
    });
  });
}

function finish(ok: boolean): never {
  console.log(`\nnpm test ${ok ? "passed" : "FAILED"} — ${times.join(", ")}`);
  process.exit(ok ? 0 : 1);
}

async function main() {
  const problem = missingChromium();
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
  console.log("Static checks: types, lint and format, side by side…");
  const checks = await Promise.all(STATIC_CHECKS.map((part) => run(part, "buffer")));
  checks.forEach((result, i) => {
    if (!result.ok) console.log(`\n── ${STATIC_CHECKS[i]!.name} failed ──\n${result.text}`);
  });
  if (checks.some((result) => !result.ok)) finish(false);
  if (!(await run(VITEST, "inherit")).ok) finish(false);
  finish((await run(PLAYWRIGHT, "inherit")).ok);
}

void main();
