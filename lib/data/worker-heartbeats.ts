import type { DbOrTx } from "../db";

export type Heartbeat = { workerId: string; hostname: string; pid: number; version: string; startedAt: Date };

export async function beat(db: DbOrTx, worker: Heartbeat, at: Date) {
  await db.workerHeartbeat.upsert({
    where: { workerId: worker.workerId },
    create: { ...worker, beatAt: at },
    update: { beatAt: at },
  });
}

/** The most recent beat of any worker, or null when none ever ran. */
export async function findLatestHeartbeat(db: DbOrTx) {
  return db.workerHeartbeat.findFirst({ orderBy: { beatAt: "desc" } });
}

/** Workers gone for a week are forgotten (each restart has a new id). */
export async function forgetOldHeartbeats(db: DbOrTx, before: Date) {
  await db.workerHeartbeat.deleteMany({ where: { beatAt: { lt: before } } });
}
