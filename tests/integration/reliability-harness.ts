import { expect } from "vitest";
import type { Db } from "../../lib/db";
import { attachDirectSql, directSqlOf } from "../../lib/data/direct-sql";
import { pollDueSubmissions } from "../../lib/services/sts/poll-due-submissions";
import { sweepStuck } from "../../lib/services/sts/sweep-stuck";
import { uploadBatch } from "../../lib/services/sts/upload-batch";
import type { StsSimulator } from "../../lib/sts/simulator/server";
import { simulatorCounts } from "./sts-harness";
import { testDb } from "./test-db";

/** Thrown in place of the database call where the process "dies": that call and everything after it never happen. */
export class Killed extends Error {
  constructor(readonly step: string) {
    super(`killed before ${step}`);
    this.name = "Killed";
  }
}

export type StepLog = string[];

/**
 * The database as one process sees it, with the process's death (or a database outage) at its `killAt`-th call:
 * from that call on every call throws, as if the process were gone. Without `killAt` it only records the calls,
 * which is how a test learns the steps of a send and then kills it at each one.
 */
export function mortalDb(db: Db, options: { killAt?: number; log?: StepLog } = {}): Db {
  let calls = 0;
  const step = (name: string) => {
    calls++;
    options.log?.push(name);
    if (options.killAt !== undefined && calls >= options.killAt) throw new Killed(`${name} (#${calls})`);
  };
  const wrapDelegate = (model: string, delegate: object) =>
    new Proxy(delegate, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (typeof value !== "function" || typeof prop !== "string") return value;
        return (...args: unknown[]) => {
          step(`${model}.${prop}`);
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  const mortal = new Proxy(db, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof prop !== "string") return value;
      if (prop.startsWith("$")) {
        if (typeof value !== "function" || prop === "$disconnect" || prop === "$connect") return value;
        return (...args: unknown[]) => {
          step(prop);
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return value && typeof value === "object" ? wrapDelegate(prop, value) : value;
    },
  }) as Db;
  // The hand-written statements the client runs on its driver (lib/data/direct-sql.ts) die with it too.
  const direct = directSqlOf(db);
  if (direct) {
    attachDirectSql(mortal, {
      query(statement) {
        step("sql.query");
        return direct.query(statement);
      },
      execute(statement) {
        step("sql.execute");
        return direct.execute(statement);
      },
      together(statements) {
        step("sql.together");
        return direct.together(statements);
      },
    });
  }
  return mortal;
}

/** Runs `work` against a mortal database; a Killed error is the expected end, anything else is re-thrown. */
export async function runUntilKilled<T>(work: () => Promise<T>): Promise<T | "killed"> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Killed) return "killed";
    throw error;
  }
}

export const FINAL_STATES = ["accepted", "accepted_with_warnings", "rejected", "not_applicable"];

/**
 * Nothing left in doubt for the practitioner, and nothing STS holds shown as an error: no submission still
 * uploading or "in verifica", no document line rejected or carrying the code that said "already there".
 */
export async function expectNothingInDoubt(practitionerId: string, invoiceIds?: string[]) {
  const db = testDb();
  const open = await db.stsSubmission.findMany({
    where: { practitionerId, status: { in: ["preparing", "uploading", "uncertain"] } },
    select: { id: true, status: true },
  });
  expect(open, "submissions left in doubt").toEqual([]);
  const lines = await db.stsSubmissionDocument.findMany({
    where: { practitionerId, ...(invoiceIds ? { invoiceId: { in: invoiceIds } } : {}) },
  });
  const wrong = lines.filter(
    (l) => l.outcome === "rejected" || /"code":"(S017|X001)"/.test(l.codes ?? "") || l.outcome === "pending",
  );
  expect(
    wrong.map((l) => `${l.operation} ${l.outcome} ${l.codes}`),
    "document lines shown with an error",
  ).toEqual([]);
}

/**
 * What happens after a fault once STS and the process are healthy again, in the order the worker does it, each
 * pass `stepMs` later (an hour by default: leases and "stuck" delays expire): the sweep (stuck submissions →
 * uncertain → resolved by asking STS), the outcome polling, and a new send of whatever is to send again (the
 * user's "Invia" or the next automatic run). Bounded; returns the number of passes used.
 */
export async function recover(
  sim: StsSimulator,
  practitionerId: string,
  invoiceIds: string[],
  passes = 5,
  stepMs = 60 * 60_000,
): Promise<number> {
  sim.faults.splice(0);
  const db = testDb();
  for (let pass = 1; pass <= passes; pass++) {
    const later = new Date(Date.now() + pass * stepMs);
    await sweepStuck({ db, now: later });
    await pollDueSubmissions({ db, workerId: `recovery-${pass}`, concurrency: 2, now: later });
    const open = await db.invoice.findMany({
      where: { id: { in: invoiceIds }, stsState: { in: ["to_send", "failed"] } },
      select: { id: true },
    });
    if (open.length) {
      await uploadBatch({ db, practitionerId, trigger: "manual", invoiceIds: open.map((i) => i.id), now: later });
      await pollDueSubmissions({
        db,
        workerId: `recovery-${pass}b`,
        concurrency: 2,
        now: new Date(later.getTime() + 60_000),
      });
    }
    const states = await db.invoice.findMany({ where: { id: { in: invoiceIds } }, select: { stsState: true } });
    if (states.every((s) => FINAL_STATES.includes(s.stsState))) return pass;
  }
  return passes + 1;
}

/** Per document: how many inserts STS accepted (must be exactly 1) and how many it received in all. */
export async function insertsAtSts(sim: StsSimulator, invoiceIds: string[]) {
  const docs = await testDb().stsSubmissionDocument.findMany({
    where: { invoiceId: { in: invoiceIds }, operation: "I" },
    select: { identity: true },
  });
  const identities = [...new Set(docs.map((d) => d.identity))];
  const counts = await simulatorCounts(sim);
  return identities.map((identity) => ({
    identity,
    accepted: counts.documents[identity]?.accepted.I ?? 0,
    received: counts.documents[identity]?.received.I ?? 0,
  }));
}
