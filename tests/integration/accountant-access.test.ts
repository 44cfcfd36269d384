// Accountant access (issue 21): invitation, acceptance once, switching between practices, revocation, on a real
// database (both providers: TEST_DATABASE=sqlite / postgresql).
import { describe, expect, it } from "vitest";
import { findLiveAccess } from "../../lib/data/accountant-access";
import { acceptInvitation, describeInvitation } from "../../lib/services/accountants/accept-invitation";
import { INVITATION_VALIDITY_DAYS, inviteAccountant } from "../../lib/services/accountants/invite-accountant";
import {
  listAccountantAccess,
  followsAnyPractice,
  listPracticesOfAccountant,
  openPractice,
  revokeAccountantAccess,
} from "../../lib/services/accountants/manage-access";
import { appErrorOf, registerTestPractitioner, testDb } from "./test-db";

const NOW = new Date("2026-12-02T09:00:00Z");
const DAY = 24 * 60 * 60 * 1000;

async function invite(practitionerId: string, now = NOW) {
  const invitation = await inviteAccountant({ db: testDb(), practitionerId, now });
  return { ...invitation, token: invitation.path.split("/").pop()! };
}

describe("accountant access", () => {
  it("invites with a link valid for a limited time, stored only as a hash", async () => {
    const owner = await registerTestPractitioner("acc-owner-1");
    const invitation = await invite(owner.id);
    expect(invitation.path).toMatch(/^\/invito\/[A-Za-z0-9_-]{43}$/);
    expect(invitation.expiresAt.getTime() - NOW.getTime()).toBe(INVITATION_VALIDITY_DAYS * DAY);
    const stored = await testDb().accountantAccess.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(JSON.stringify(stored)).not.toContain(invitation.token);
    const listed = await listAccountantAccess({ db: testDb(), practitionerId: owner.id, now: NOW });
    expect(listed.map((a) => [a.id, a.accountant])).toEqual([[invitation.id, null]]);
  });

  it("is accepted once, by the account that opens it; a second use, an expired or own link is refused", async () => {
    const owner = await registerTestPractitioner("acc-owner-2");
    const accountant = await registerTestPractitioner("acc-accountant-2");
    const other = await registerTestPractitioner("acc-other-2");
    const invitation = await invite(owner.id);

    const own = await appErrorOf(
      acceptInvitation({ db: testDb(), token: invitation.token, accountantId: owner.id, now: NOW }),
    );
    expect(own.code).toBe("conflict");
    const accepted = await acceptInvitation({
      db: testDb(),
      token: invitation.token,
      accountantId: accountant.id,
      now: NOW,
    });
    expect(accepted.accessId).toBe(invitation.id);
    const again = await appErrorOf(
      acceptInvitation({ db: testDb(), token: invitation.token, accountantId: other.id, now: NOW }),
    );
    expect([again.code, again.userMessage]).toEqual(["conflict", expect.stringContaining("già stato usato")]);
    expect(await listPracticesOfAccountant({ db: testDb(), accountantId: other.id })).toEqual([]);
    expect(await followsAnyPractice({ db: testDb(), accountantId: other.id })).toBe(false);

    const late = await invite(owner.id);
    const expired = await appErrorOf(
      acceptInvitation({
        db: testDb(),
        token: late.token,
        accountantId: other.id,
        now: new Date(late.expiresAt.getTime() + 1),
      }),
    );
    expect([expired.code, expired.userMessage]).toEqual(["conflict", expect.stringContaining("scaduto")]);
    const unknown = await appErrorOf(
      acceptInvitation({ db: testDb(), token: "x".repeat(43), accountantId: other.id, now: NOW }),
    );
    expect(unknown.code).toBe("not_found");
    expect(await describeInvitation({ db: testDb(), token: late.token, accountId: null, now: NOW })).toMatchObject({
      practitionerName: expect.any(String),
      state: "open",
    });
  });

  it("lets only one of two simultaneous acceptances win", async () => {
    const owner = await registerTestPractitioner("acc-owner-3");
    const first = await registerTestPractitioner("acc-first-3");
    const second = await registerTestPractitioner("acc-second-3");
    const invitation = await invite(owner.id);
    const results = await Promise.allSettled(
      [first, second].map((a) =>
        acceptInvitation({ db: testDb(), token: invitation.token, accountantId: a.id, now: NOW }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const row = await testDb().accountantAccess.findUniqueOrThrow({ where: { id: invitation.id } });
    expect([first.id, second.id]).toContain(row.accountantId);
  });

  it("serves several practices to one accountant, who switches only to their own live accesses", async () => {
    const anna = await registerTestPractitioner("acc-anna");
    const bruno = await registerTestPractitioner("acc-bruno");
    const carla = await registerTestPractitioner("acc-carla");
    const stranger = await registerTestPractitioner("acc-stranger");
    const fromAnna = await invite(anna.id);
    const fromBruno = await invite(bruno.id);
    await acceptInvitation({ db: testDb(), token: fromAnna.token, accountantId: carla.id, now: NOW });
    await acceptInvitation({ db: testDb(), token: fromBruno.token, accountantId: carla.id, now: NOW });

    const practices = await listPracticesOfAccountant({ db: testDb(), accountantId: carla.id });
    expect(practices.map((p) => p.practitioner.id).sort()).toEqual([anna.id, bruno.id].sort());
    expect(await followsAnyPractice({ db: testDb(), accountantId: carla.id })).toBe(true);
    expect(await followsAnyPractice({ db: testDb(), accountantId: anna.id })).toBe(false);
    expect((await openPractice({ db: testDb(), accountantId: carla.id, accessId: fromBruno.id })).practitioner.id).toBe(
      bruno.id,
    );
    expect((await openPractice({ db: testDb(), accountantId: carla.id, accessId: fromAnna.id })).practitioner.id).toBe(
      anna.id,
    );
    // Another account holding the access's id gets nothing: the access is bound to Carla's account.
    const stolen = await appErrorOf(openPractice({ db: testDb(), accountantId: stranger.id, accessId: fromAnna.id }));
    expect(stolen.code).toBe("not_found");
    expect(await findLiveAccess(testDb(), { id: fromAnna.id, accountantId: stranger.id })).toBeNull();
  });

  it("revokes at once, only by the practice that granted it", async () => {
    const owner = await registerTestPractitioner("acc-owner-5");
    const other = await registerTestPractitioner("acc-other-5");
    const accountant = await registerTestPractitioner("acc-accountant-5");
    const invitation = await invite(owner.id);
    await acceptInvitation({ db: testDb(), token: invitation.token, accountantId: accountant.id, now: NOW });

    const foreign = await appErrorOf(
      revokeAccountantAccess({ db: testDb(), practitionerId: other.id, accessId: invitation.id, now: NOW }),
    );
    expect(foreign.code).toBe("not_found");
    expect(await findLiveAccess(testDb(), { id: invitation.id, accountantId: accountant.id })).not.toBeNull();

    await revokeAccountantAccess({ db: testDb(), practitionerId: owner.id, accessId: invitation.id, now: NOW });
    expect(await findLiveAccess(testDb(), { id: invitation.id, accountantId: accountant.id })).toBeNull();
    expect(await listPracticesOfAccountant({ db: testDb(), accountantId: accountant.id })).toEqual([]);
    expect(await followsAnyPractice({ db: testDb(), accountantId: accountant.id })).toBe(false);
    expect(
      (await appErrorOf(openPractice({ db: testDb(), accountantId: accountant.id, accessId: invitation.id }))).code,
    ).toBe("not_found");
    expect(await listAccountantAccess({ db: testDb(), practitionerId: owner.id, now: NOW })).toEqual([]);
    const twice = await appErrorOf(
      revokeAccountantAccess({ db: testDb(), practitionerId: owner.id, accessId: invitation.id, now: NOW }),
    );
    expect(twice.code).toBe("not_found");

    // An open invitation is revoked the same way, and can no longer be accepted.
    const pending = await invite(owner.id);
    await revokeAccountantAccess({ db: testDb(), practitionerId: owner.id, accessId: pending.id, now: NOW });
    const refused = await appErrorOf(
      acceptInvitation({ db: testDb(), token: pending.token, accountantId: accountant.id, now: NOW }),
    );
    expect([refused.code, refused.userMessage]).toEqual(["conflict", "Questo invito è stato ritirato."]);
  });
});
