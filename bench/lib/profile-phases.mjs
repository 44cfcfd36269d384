// Preloaded into the web server by the web benchmark's profiling (`node --import`, bench/web.ts with
// --profile <dir>): the first SIGUSR2 starts V8's CPU profiler in the server, the next stops it and writes the
// profile to BENCH_PROFILE_FILE (then again: start, stop…), so a profile covers one timed phase — one page at
// one concurrency — and not the server's start-up or the other pages. Benchmark only: nothing of the app loads it.
import { renameSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector";

const session = new Session();
session.connect();
let profiling = false;

process.on("SIGUSR2", () => {
  if (!profiling) {
    profiling = true;
    session.post("Profiler.enable", () => session.post("Profiler.start"));
    return;
  }
  profiling = false;
  session.post("Profiler.stop", (error, result) => {
    const file = process.env.BENCH_PROFILE_FILE;
    if (error || !file) return;
    writeFileSync(`${file}.tmp`, JSON.stringify(result.profile));
    renameSync(`${file}.tmp`, file);
  });
});
