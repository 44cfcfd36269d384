// Isolation sweep, accountant role (issue 21): every server action of tests/e2e/isolation-table.ts is called as
// the real exported action, in the session of A's accountant looking at A's practice. The session and the cookie
// jar are Next's and NextAuth's (framework parts with no request outside a server, replaced here by a session of a
// real account and a real access in the database); the wrapper, lib/auth/session.ts and the services run as in
// the app. Expected: every action built with `action(...)` is refused before it reads its arguments, and A's rows
// are unchanged; the account actions still work; after revocation the read-only routes' check refuses too.
// (A file of its own beside isolation-actions.test.ts, which replays the same table's actions for practitioner B.)
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ACTIONS } from "../e2e/isolation-table";
import { createTestInvoice } from "../../prisma/seed/factories/invoices";
import { stsPractitioner } from "./sts-harness";
import { registerTestPractitioner, testDatabaseUrl, testDb } from "./test-db";

const jar = vi.hoisted(() => ({
  session: null as null | { practitionerId: string; sessionVersion: number },
  cookies: new Map<string, string>(),
}));
vi.mock("next-auth", async (original) => ({
  ...(await original<typeof import("next-auth")>()),
  getServerSession: async () => jar.session,
}));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.cookies.has(name) ? { name, value: jar.cookies.get(name) } : undefined),
    set: (name: string, value: string) => void jar.cookies.set(name, value),
    delete: (name: string) => void jar.cookies.delete(name),
  }),
  headers: async () => new Headers(),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

type AnyAction = (...args: unknown[]) => Promise<{ ok: boolean; message?: string }>;
const ROOT = join(__dirname, "../..");

async function loadAction(file: string, name: string): Promise<AnyAction> {
  const loaded = (await import(join(ROOT, file))) as Record<string, AnyAction>;
  return loaded[name];
}

async function rowsOf(practitionerId: string) {
  const db = testDb();
  const where = { practitionerId };
  return JSON.stringify(
    await Promise.all([
      db.practitioner.findUniqueOrThrow({ where: { id: practitionerId } }),
      db.profile.findUnique({ where }),
      db.stsSettings.findUnique({ where }),
      db.patient.findMany({ where, orderBy: { id: "asc" } }),
      db.invoice.findMany({ where, orderBy: { id: "asc" } }),
      db.invoiceEvent.findMany({ where: { invoice: { practitionerId } }, orderBy: { id: "asc" } }),
      db.stsSubmission.findMany({ where, orderBy: { id: "asc" } }),
      db.accountantAccess.findMany({ where, orderBy: { id: "asc" } }),
    ]),
    (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString("base64") : v),
  );
}

describe("isolation sweep: server actions in the session of A's accountant", () => {
  let owner: { id: string; patientId: string };
  let accountant: { id: string };
  let invoiceId: string;
  let accessId: string;
  let session: typeof import("../../lib/auth/session");
  let VIEWING_COOKIE: string;

  beforeAll(async () => {
    // The app's own client (lib/db.ts) on this file's database.
    process.env.DATABASE_URL = testDatabaseUrl();
    session = await import("../../lib/auth/session");
    ({ VIEWING_COOKIE } = await import("../../lib/auth/viewing"));
    const { inviteAccountant } = await import("../../lib/services/accountants/invite-accountant");
    const { acceptInvitation } = await import("../../lib/services/accountants/accept-invitation");
    owner = await stsPractitioner("acc-sweep-owner");
    accountant = await registerTestPractitioner("acc-sweep-accountant");
    invoiceId = (await createTestInvoice(testDb(), owner.id, { patientId: owner.patientId, issueDate: "2026-03-10" }))
      .id;
    const invitation = await inviteAccountant({ db: testDb(), practitionerId: owner.id, now: new Date() });
    const token = invitation.path.split("/").pop()!;
    ({ accessId } = await acceptInvitation({ db: testDb(), token, accountantId: accountant.id, now: new Date() }));
    jar.session = { practitionerId: accountant.id, sessionVersion: 0 };
    jar.cookies.set(VIEWING_COOKIE, accessId);
  });

  afterAll(async () => {
    const { db } = await import("../../lib/db");
    await db().$disconnect();
  });

  it("reads A's practice through the read-only check (the control: the session is A's accountant's)", async () => {
    const reader = await session.requireReader();
    expect([reader.practitioner.id, reader.accountant?.id]).toEqual([owner.id, accountant.id]);
  });

  const refused = ACTIONS.filter((a) => a.accountant === "refused");
  it.each(refused.map((a) => [a.name, a] as const))("%s: refused, A's rows unchanged", async (_name, entry) => {
    jar.cookies.set(VIEWING_COOKIE, accessId);
    const fn = await loadAction(entry.file, entry.name);
    const before = await rowsOf(owner.id);
    // Arguments a client could send, A's own ids among them: the refusal comes before they are read.
    const result = await fn(invoiceId, { reason: "dal commercialista" }, {});
    expect(result).toMatchObject({ ok: false, message: session.READ_ONLY_MESSAGE });
    expect(await rowsOf(owner.id), `${entry.name} changed A's rows`).toBe(before);
  });

  it("refuses because of the accountant's view: the same account in its own session is not refused", async () => {
    jar.cookies.delete(VIEWING_COOKIE);
    const search = await loadAction("app/(app)/fatture/actions.ts", "searchPatientsAction");
    expect(await search("Rossi")).toMatchObject({ ok: true });
    jar.cookies.set(VIEWING_COOKIE, accessId);
    expect(await search("Rossi")).toMatchObject({ ok: false, message: session.READ_ONLY_MESSAGE });
  });

  it("lets the account switch practice and come back to its own", async () => {
    const open = await loadAction("app/(commercialista)/commercialista/actions.ts", "openPracticeAction");
    const leave = await loadAction("app/(commercialista)/commercialista/actions.ts", "leavePracticeAction");
    expect(await leave()).toMatchObject({ ok: true });
    expect(jar.cookies.has(VIEWING_COOKIE)).toBe(false);
    expect((await session.requireReader()).practitioner.id).toBe(accountant.id);
    expect(await open(accessId)).toMatchObject({ ok: true });
    expect(jar.cookies.get(VIEWING_COOKIE)).toBe(accessId);
    expect((await session.requireReader()).practitioner.id).toBe(owner.id);
  });

  it("refuses at the next request once A revokes, and the account cannot reopen the practice", async () => {
    const { revokeAccountantAccess } = await import("../../lib/services/accountants/manage-access");
    await revokeAccountantAccess({ db: testDb(), practitionerId: owner.id, accessId, now: new Date() });
    jar.cookies.set(VIEWING_COOKIE, accessId);
    await expect(session.requireReader()).rejects.toMatchObject({ code: "forbidden" });
    const open = await loadAction("app/(commercialista)/commercialista/actions.ts", "openPracticeAction");
    expect(await open(accessId)).toMatchObject({ ok: false });
    const save = await loadAction("app/(app)/impostazioni/sts/actions.ts", "saveStsSettingsAction");
    expect(await save({})).toMatchObject({ ok: false, message: session.READ_ONLY_MESSAGE });
  });
});
