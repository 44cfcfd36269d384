// How Node is started for the worker, in one place: `npm run worker` (package.json, checked by node-args.test.ts),
// the worker child of `npm start` (scripts/start.ts) and the benchmark's workers (bench/lib/processes.ts).
//
// - `--max-old-space-size=512`: the worker needs little heap (under 60 MB in use even with a 128 MB limit; 32
//   batches in progress at most), but with V8's default limit on a machine with much memory (4 GiB here) the old
//   generation is first collected only after well over 100 MB of garbage. With a 512 MB limit V8 collects sooner:
//   the peak RSS at 10,000 practitioners falls from 304 to 180 MB (PostgreSQL) and from 309 to 209 MB (SQLite)
//   (docs/BENCHMARKS.md, worker memory), and 512 MB still leaves eight times that heap for the unexpected.
// - `--require tsx/cjs`: tsx's CommonJS hook only, without its ESM loader thread (a V8 instance of its own,
//   15–35 MB).
export const WORKER_NODE_ARGS = ["--max-old-space-size=512", "--require", "tsx/cjs"] as const;
