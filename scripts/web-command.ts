import { join } from "node:path";

/** Next's command line in the installation at `root`. */
export function nextBin(root: string): string {
  return join(root, "node_modules", "next", "dist", "bin", "next");
}

/**
 * The arguments of `node` that run `next <nextArgs…>` as `processes` web processes: Next itself for one, the cluster
 * primary of scripts/web-cluster.ts for several (`npm start` with WEB_PROCESSES, and the web benchmark).
 */
export function webServerArgs(root: string, processes: number, nextArgs: string[]): string[] {
  if (processes <= 1) return [nextBin(root), ...nextArgs];
  const cluster = join(root, "scripts", "web-cluster.ts");
  return ["--require", "tsx/cjs", cluster, String(processes), nextBin(root), ...nextArgs];
}
