import { describe, expect, it, vi } from "vitest";
import { createDb } from "../../lib/db";
import { directSqlOf, executeSql, preparedStatementName, queryRows, queryTogether } from "../../lib/data/direct-sql";
import { findProfile } from "../../lib/data/profiles";
import { findStsSecrets, findStsSettings } from "../../lib/data/sts-settings";
import { submissionInsert, submissionUpdate, updateSubmission } from "../../lib/data/sts-worker-sql";
import { Prisma } from "../../lib/generated/sqlite/client";
import { mortalDb, type StepLog } from "./reliability-harness";
import { stsPractitioner } from "./sts-harness";
import { testDatabaseProvider, testDatabaseUrl, testDb } from "./test-db";

// The worker's hand-written statements run on the driver Prisma uses (lib/data/direct-sql.ts). What they write,
// Prisma reads and compares alike (SQLite keeps dates as text: one format for both paths), and inside a
// transaction they still belong to it.
describe("the worker's statements on the database driver", () => {
  const newSubmission = async (practitionerId: string) => {
    const { id, statement } = submissionInsert({
      practitionerId,
      trigger: "manual",
      channel: "async",
      environment: "simulator",
      status: "uploading",
      documentCount: 1,
    });
    expect(await executeSql(testDb(), statement)).toBe(1);
    return { id };
  };

  it("are found by every copy of the module: Next bundles it more than once in one server process", async () => {
    const client = testDb();
    expect(directSqlOf(client)).toBeDefined();
    // A second instance of the module, as a second bundle of the app loads it, with the client made by the first.
    vi.resetModules();
    const copy = await import("../../lib/data/direct-sql");
    expect(copy.directSqlOf).not.toBe(directSqlOf);
    expect(copy.directSqlOf(client)).toBe(directSqlOf(client));
  });

  it("run on the driver of the client createDb made, and a wrapped client's own driver path is the one used", async () => {
    const p = await stsPractitioner("direct-sql-path");
    expect(directSqlOf(testDb())).toBeDefined();
    const log: StepLog = [];
    const secrets = await findStsSecrets(mortalDb(testDb(), { log }), p.id);
    expect(secrets?.cfTitolare).toMatch(/^[A-Z0-9]{16}$/);
    expect(log).toEqual(["sql.query"]);
    // The same row read through Prisma's model API.
    const settings = await testDb().stsSettings.findUniqueOrThrow({ where: { practitionerId: p.id } });
    expect(secrets).toEqual({
      cfTitolare: settings.cfTitolare,
      username: settings.username,
      passwordEnc: settings.passwordEnc,
      pincodeEnc: settings.pincodeEnc,
    });
  });

  it("read the STS settings as Prisma's model API does, every column, on the driver and inside a transaction", async () => {
    const p = await stsPractitioner("direct-sql-settings");
    const prismaRow = () => testDb().stsSettings.findUniqueOrThrow({ where: { practitionerId: p.id } });
    const readBoth = async () => {
      const viaPrisma = await prismaRow();
      expect(await findStsSettings(testDb(), p.id)).toEqual(viaPrisma);
      expect(await testDb().$transaction((tx) => findStsSettings(tx, p.id))).toEqual(viaPrisma);
      return viaPrisma;
    };
    // As the harness stored it, then every column set, then the nullable ones empty again.
    await readBoth();
    await testDb().stsSettings.update({
      where: { practitionerId: p.id },
      data: {
        autoSend: true,
        autoSendFrom: "2026-01-01",
        pausedAt: new Date("2026-03-29T01:30:00.250Z"),
        pausedReason: "Credenziali rifiutate",
        lastCheckAt: new Date("2026-10-25T00:59:59.999Z"),
        lastCheckOk: false,
        lastCheckMessage: "Password scaduta",
        passwordValidityDays: 90,
        lastAutoSlot: "2026-03-29T01:10:00.000Z",
      },
    });
    const full = await readBoth();
    expect(full).toMatchObject({ autoSend: true, lastCheckOk: false, passwordValidityDays: 90 });
    expect(full.pausedAt?.toISOString()).toBe("2026-03-29T01:30:00.250Z");
    await testDb().stsSettings.update({
      where: { practitionerId: p.id },
      data: { lastCheckOk: true, autoSend: false },
    });
    expect(await readBoth()).toMatchObject({ autoSend: false, lastCheckOk: true });
    await testDb().stsSettings.update({
      where: { practitionerId: p.id },
      data: { lastCheckOk: null, lastCheckAt: null, pausedAt: null, passwordValidityDays: null, passwordSetAt: null },
    });
    expect(await readBoth()).toMatchObject({ lastCheckOk: null, pausedAt: null, passwordValidityDays: null });
    expect(await findStsSettings(testDb(), "no-such-practitioner")).toBeNull();
  });

  it("read the profile as Prisma's model API does, every column, on the driver and inside a transaction", async () => {
    const p = await stsPractitioner("direct-sql-profile");
    const readBoth = async () => {
      const viaPrisma = await testDb().profile.findUniqueOrThrow({ where: { practitionerId: p.id } });
      expect(await findProfile(testDb(), p.id)).toEqual(viaPrisma);
      expect(await testDb().$transaction((tx) => findProfile(tx, p.id))).toEqual(viaPrisma);
      return viaPrisma;
    };
    const optional = {
      alboRegistration: "12345",
      phone: "06 1234567",
      email: "studio@example.test",
      iban: "IT60X0542811101000000123456",
      invoiceFooter: "Grazie",
    };
    await testDb().profile.update({ where: { practitionerId: p.id }, data: optional });
    expect(await readBoth()).toMatchObject(optional);
    const empty = { alboRegistration: null, phone: null, email: null, iban: null, invoiceFooter: null };
    await testDb().profile.update({ where: { practitionerId: p.id }, data: empty });
    expect(await readBoth()).toMatchObject(empty);
    expect(await findProfile(testDb(), "no-such-practitioner")).toBeNull();
  });

  it("write dates and bytes that Prisma reads back and compares as the same values, and compare Prisma's dates alike", async () => {
    const p = await stsPractitioner("direct-sql-values");
    const before = Date.now();
    const { id } = await newSubmission(p.id);
    const after = Date.now();
    const created = await testDb().stsSubmission.findUniqueOrThrow({ where: { id } });
    expect(created.createdAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(created.createdAt.getTime()).toBeLessThanOrEqual(after);
    expect(created).toMatchObject({ status: "uploading", documentCount: 1, attempts: 0, slotKey: null });

    const due = new Date("2026-03-29T01:30:00.250Z"); // the night the clocks go forward in Italy: nothing local here
    const pdf = Buffer.from("%PDF-1.4 \u0000\u00ff bytes");
    expect(await updateSubmission(testDb(), id, { nextPollAt: due, receiptPdf: pdf, attempts: 3 })).toBe(1);
    const updated = await testDb().stsSubmission.findUniqueOrThrow({ where: { id } });
    expect(updated.nextPollAt?.toISOString()).toBe(due.toISOString());
    expect(Buffer.from(updated.receiptPdf!).equals(pdf)).toBe(true);
    expect(updated.attempts).toBe(3);
    // Prisma's comparisons on a date the driver path wrote…
    const dueBy = (at: Date) => testDb().stsSubmission.count({ where: { id, nextPollAt: { lte: at } } });
    expect(await dueBy(due)).toBe(1);
    expect(await dueBy(new Date(due.getTime() - 1))).toBe(0);
    // …and the driver path's on a date Prisma wrote.
    const later = new Date("2026-10-25T00:59:59.999Z");
    await testDb().stsSubmission.update({ where: { id }, data: { nextPollAt: later } });
    const direct = directSqlOf(testDb())!;
    const dueDirect = async (at: Date) =>
      (
        await direct.query<{ id: string }>(
          Prisma.sql`SELECT "id" FROM "StsSubmission" WHERE "id" = ${id} AND "nextPollAt" <= ${at}`,
        )
      ).length;
    expect(await dueDirect(later)).toBe(1);
    expect(await dueDirect(new Date(later.getTime() - 1))).toBe(0);
    // Read back by the driver path: the same instant (PostgreSQL's timestamps are UTC, not the machine's time zone).
    const [row] = await direct.query<{ nextPollAt: Date | string }>(
      Prisma.sql`SELECT "nextPollAt" FROM "StsSubmission" WHERE "id" = ${id}`,
    );
    expect(new Date(row!.nextPollAt).toISOString()).toBe(later.toISOString());
  });

  it("run together as one unit, on the driver and through Prisma alike: all or none", async () => {
    const p = await stsPractitioner("direct-sql-together");
    // A client without the driver path (as a wrapped client would be): the same statements through Prisma.
    const plain = new Proxy(testDb(), {}) as ReturnType<typeof testDb>;
    expect(directSqlOf(plain)).toBeUndefined();
    for (const db of [testDb(), plain]) {
      const first = submissionInsert({
        practitionerId: p.id,
        trigger: "manual",
        channel: "async",
        environment: "simulator",
        status: "uploading",
        documentCount: 1,
      });
      const second = submissionInsert({
        practitionerId: p.id,
        trigger: "manual",
        channel: "async",
        environment: "simulator",
        status: "uploading",
        documentCount: 2,
      });
      const rows = await queryTogether<{ id: string }>(db, [
        first.statement,
        submissionUpdate(second.id, { status: "failed" }), // no such row yet: together, nothing reads the others' writes
        Prisma.sql`SELECT "id" FROM "StsSubmission" WHERE "practitionerId" = ${p.id} AND "id" = ${first.id}`,
      ]);
      // On PostgreSQL's driver path they are one statement: the last sees the database as it was before.
      const oneStatement = db !== plain && testDatabaseProvider() === "postgresql";
      expect(rows.length).toBe(oneStatement ? 0 : 1);
      expect(await testDb().stsSubmission.count({ where: { id: first.id } })).toBe(1);
      // A failing statement undoes the others: the second insert is written, then the duplicate id fails.
      const failing = queryTogether(db, [second.statement, first.statement]);
      await expect(failing).rejects.toThrow();
      expect(await testDb().stsSubmission.count({ where: { id: second.id } })).toBe(0);
      expect(await testDb().stsSubmission.count({ where: { practitionerId: p.id } })).toBe(db === plain ? 2 : 1);
    }
  });

  // PostgreSQL: each statement is prepared once per connection under a name of its text and run again by that name;
  // PG_PREPARED_STATEMENTS=false sends them unnamed, for a pooler that does not keep them per server connection.
  it.runIf(testDatabaseProvider() === "postgresql")(
    "on PostgreSQL are prepared once per connection under their name, or not at all when turned off",
    async () => {
      const p = await stsPractitioner("direct-sql-prepared");
      const statement = (n: number) =>
        Prisma.sql`SELECT "id" FROM "Practitioner" WHERE "id" = ${p.id} AND ${n} > 0 -- prepared-test`;
      const preparedHere = Prisma.sql`SELECT "name", "statement" FROM pg_prepared_statements`;
      for (const preparedStatements of [true, false]) {
        // One connection, so that the statement and the look at what the session prepared share it.
        const db = createDb(testDatabaseUrl(), { poolSize: 1, preparedStatements });
        try {
          for (const n of [1, 2, 3]) expect(await queryRows(db, statement(n))).toEqual([{ id: p.id }]);
          const prepared = await queryRows<{ name: string; statement: string }>(db, preparedHere);
          const ours = prepared.filter((r) => r.statement.includes("prepared-test"));
          expect(ours).toEqual(
            preparedStatements
              ? [{ name: preparedStatementName(statement(1).text), statement: statement(1).text }]
              : [],
          );
        } finally {
          await db.$disconnect();
        }
      }
    },
  );

  it("inside a transaction go through it: rolled back with it", async () => {
    const p = await stsPractitioner("direct-sql-tx");
    const { id } = await newSubmission(p.id);
    const other = submissionInsert({
      practitionerId: p.id,
      trigger: "manual",
      channel: "async",
      environment: "simulator",
      status: "uploading",
      documentCount: 3,
    });
    const rollback = testDb().$transaction(async (tx) => {
      expect(await updateSubmission(tx, id, { status: "failed", errorMessage: "nel mezzo della transazione" })).toBe(1);
      expect((await tx.stsSubmission.findUniqueOrThrow({ where: { id } })).status).toBe("failed");
      // Statements run together inside a transaction belong to it as well.
      const rows = await queryTogether<{ id: string }>(tx, [
        other.statement,
        Prisma.sql`SELECT "id" FROM "StsSubmission" WHERE "id" = ${other.id}`,
      ]);
      expect(rows).toEqual([{ id: other.id }]);
      throw new Error("annullata");
    });
    await expect(rollback).rejects.toThrow("annullata");
    expect(await testDb().stsSubmission.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "uploading",
      errorMessage: null,
    });
    expect(await testDb().stsSubmission.count({ where: { id: other.id } })).toBe(0);
  });
});
