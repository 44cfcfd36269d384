// `npm test`: the whole suite as one command. Stops at once, with the fix, when the machine lacks what the suite needs;
// then runs the parts in three steps and ends with each part's time:
//
//   1. types, lint, format and the production build, side by side (four processes that each leave part of a core
//      idle: a 2-core machine has room for them);
//   2. vitest, alone: it keeps both cores busy by itself;
//   3. the browser tests, alone, on the build of step 1, one test more than cores (Chromium keeps the cores busy:
//      playwright.config.ts).
//
// Running vitest and the browser tests side by side was tried: the machine's load went to 20, the static checks took
// ten times as long and two integration tests timed out; one after the other is both shorter and steady. A failed
// step stops the run (later steps would only repeat the failure's cause or hide it).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { missingChromium } from "./prerequisites";

type Part = { name: string; command: string; args: string[]; live?: boolean };

const STEPS: Part[][] = [
  [
    { name: "types", command: "npx", args: ["tsc", "--noEmit"] },
    { name: "lint", command: "npx", args: ["eslint", "--max-warnings", "0", "."] },
    { name: "format", command: "npx", args: ["prettier", "--check", "--log-level", "warn", "."] },
    {
      name: "build",
      command: process.execPath,
      args: ["--import", "tsx", "scripts/start.ts", "--build-only"],
    },
  ],
  [{ name: "vitest (unit, STS, integration)", command: "npx", args: ["vitest", "run"], live: true }],
  [{ name: "browser (Playwright)", command: "npx", args: ["playwright", "test"], live: true }],
];

type Result = { part: Part; ok: boolean; seconds: number };

const started = Date.now();
// The suite writes nothing into the checkout: every part keeps its data outside it (docs/TESTING.md). A `data/`
// folder that appears during the run is a failure (the app's default data folder, with its generated secrets).
const DATA_FOLDER = "data";
const dataFolderBefore = existsSync(DATA_FOLDER);
const seconds = (since: number) => Math.round((Date.now() - since) / 1000);
const results: Result[] = [];

function run(part: Part): Promise<Result> {
  const start = Date.now();
  return new Promise((resolve) => {
    const child = spawn(part.command, part.args, { stdio: part.live ? "inherit" : "pipe" });
    const output: Buffer[] = [];
    child.stdout?.on("data", (chunk: Buffer) => output.push(chunk));
    child.stderr?.on("data", (chunk: Buffer) => output.push(chunk));
    child.on("close", (code) => {
      const result = { part, ok: code === 0, seconds: seconds(start) };
      const text = Buffer.concat(output).toString().trimEnd();
      // A part that runs side by side with others says nothing unless it fails, so that outputs never interleave.
      if (!result.ok && text) console.log(`\n── ${part.name} failed ──\n${text}`);
      results.push(result);
      resolve(result);
    });
  });
}

function finish(): never {
  const wroteData = !dataFolderBefore && existsSync(DATA_FOLDER);
  if (wroteData) console.log(`\nThe run wrote ${DATA_FOLDER}/ into the checkout: a part used the default data folder.`);
  const ok = results.every((result) => result.ok) && !wroteData;
  const times = results.map((r) => `${r.part.name} ${r.seconds} s${r.ok ? "" : " (FAILED)"}`).join(", ");
  console.log(`\nnpm test ${ok ? "passed" : "FAILED"} in ${seconds(started)} s — ${times}`);
  process.exit(ok ? 0 : 1);
}

async function main() {
  const problem = missingChromium();
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
  for (const step of STEPS) {
    console.log(`\n── ${step.map((part) => part.name).join(", ")} ──`);
    const outcomes = await Promise.all(step.map(run));
    if (outcomes.some((outcome) => !outcome.ok)) finish();
  }
  finish();
}

void main();
