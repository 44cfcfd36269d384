// Every export of a 'use server' file is a public HTTP endpoint. Each must be built by lib/actions/action.ts (which
// checks the session, parses the arguments and maps errors in one place): this imports every such module and checks
// every export, so an action written by hand fails here whatever its text looks like.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { actionBuilder, actionMeta, Id, INVALID_REQUEST } from "@/lib/actions/action";
import { AppError } from "@/lib/app-error";
import { ACTIONS } from "../e2e/isolation-table";

const ROOT = join(__dirname, "../..");

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : walk(path);
    return /\.tsx?$/.test(entry.name) ? [relative(ROOT, path).split(sep).join("/")] : [];
  });
}

const serverFiles = [...walk(join(ROOT, "app")), ...walk(join(ROOT, "lib"))].filter((file) =>
  /^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(readFileSync(join(ROOT, file), "utf8")),
);

const BAD_IDS: unknown[] = [{ not: "" }, { in: ["a"] }, 5, ["a"], null, "", "x".repeat(65)];

describe("server actions", () => {
  it("finds the 'use server' modules (the enumeration itself works)", () => {
    expect(serverFiles).toContain("app/(app)/fatture/actions.ts");
    expect(serverFiles).toContain("app/(auth)/registrazione/actions.ts");
    expect(serverFiles.length).toBeGreaterThanOrEqual(7);
  });

  it("builds every export of every 'use server' module with the action wrapper", async () => {
    const loose: string[] = [];
    let count = 0;
    for (const file of serverFiles) {
      const loaded = (await import(join(ROOT, file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(loaded)) {
        count++;
        const meta = actionMeta(value);
        if (!meta) {
          loose.push(`${file}#${name}`);
          continue;
        }
        const entry = ACTIONS.find((a) => a.file === file && a.name === name);
        // Public only where the isolation table says so, with a reason in both places.
        if (meta.access === "public") {
          expect(entry?.outcome, `${file}#${name} is public`).toBe("public");
          expect(meta.reason, `${file}#${name}`).toBeTruthy();
        } else {
          expect(entry?.outcome, `${file}#${name}`).not.toBe("public");
        }
        // What an accountant's session gets is the wrapper's doing: the table must say the same (issue 21).
        const accountant = { practitioner: "refused", account: "account", public: "public" }[meta.access];
        expect(entry?.accountant, `${file}#${name}: accountant`).toBe(accountant);
      }
    }
    expect(loose, "exports not built by lib/actions/action.ts").toEqual([]);
    expect(count).toBeGreaterThanOrEqual(20);
    // A hang guard, not a speed check: importing every action module loads most of the app, which takes well over
    // the unit tests' 20 s on a machine whose cores are busy.
  }, 180_000);

  it("refuses non-string ids in every action's id arguments", async () => {
    let checked = 0;
    for (const file of serverFiles) {
      const loaded = (await import(join(ROOT, file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(loaded)) {
        const items = actionMeta(value)!.args.def.items;
        items.forEach((item, position) => {
          if (item !== Id) return;
          for (const bad of BAD_IDS) {
            const args = items.map((_, i) => (i === position ? bad : undefined));
            expect(actionMeta(value)!.args.safeParse(args).success, `${name}(${JSON.stringify(bad)})`).toBe(false);
          }
          checked++;
        });
      }
    }
    // issue, clone, void, payment, delete, credit note, reissue, send now, eligibility, update/archive patient, resend
    expect(checked).toBeGreaterThanOrEqual(12);
  });
});

describe("the action wrapper", () => {
  const practitioner = { id: "p1", name: "Anna", email: "anna@example.it" };
  const reached: unknown[] = [];
  const { action, publicAction } = actionBuilder(async () => practitioner);
  const withId = action({ name: "test-id", args: z.tuple([Id, z.unknown()]) }, async (context, id, input) => {
    reached.push({ context, id, input });
    return { id };
  });

  it("passes the session's practitioner and the parsed arguments to the handler", async () => {
    reached.length = 0;
    expect(await withId("abc", { a: 1 })).toEqual({ ok: true, data: { id: "abc" } });
    expect(reached).toEqual([{ context: { practitioner }, id: "abc", input: { a: 1 } }]);
  });

  it.each(BAD_IDS.map((bad) => [JSON.stringify(bad), bad]))(
    "refuses the id %s before the handler runs",
    async (_label, bad) => {
      reached.length = 0;
      const result = await (withId as (...args: unknown[]) => Promise<unknown>)(bad, {});
      expect(result).toEqual({ ok: false, message: INVALID_REQUEST, fieldErrors: {} });
      expect(reached).toEqual([]);
    },
  );

  it("refuses extra arguments", async () => {
    reached.length = 0;
    const result = await (withId as (...args: unknown[]) => Promise<unknown>)("abc", {}, "extra");
    expect(result).toMatchObject({ ok: false, message: INVALID_REQUEST });
    expect(reached).toEqual([]);
  });

  it("checks the session before anything else", async () => {
    const guarded = actionBuilder(async () => {
      throw new AppError("unauthenticated", "La sessione è scaduta: accedi di nuovo.");
    }).action({ name: "test-session", args: z.tuple([Id]) }, async () => {
      reached.push("handler");
      return null;
    });
    reached.length = 0;
    expect(await guarded("abc")).toMatchObject({ ok: false, message: "La sessione è scaduta: accedi di nuovo." });
    expect(reached).toEqual([]);
  });

  it("runs account actions with the account's own check, and practice actions with the owner's", async () => {
    const account = { id: "c1", name: "Carla", email: "carla@example.it" };
    const built = actionBuilder(
      async () => {
        throw new AppError("forbidden", "sola lettura");
      },
      async () => account,
    );
    const own = built.action({ name: "test-owner", args: z.tuple([]) }, async () => "ran");
    const mine = built.accountAction({ name: "test-account", args: z.tuple([]) }, async (context) => context);
    expect(await own()).toMatchObject({ ok: false, message: "sola lettura" });
    expect(await mine()).toEqual({ ok: true, data: { account } });
    expect(actionMeta(mine)).toMatchObject({ access: "account" });
  });

  it("marks public actions with their reason", () => {
    const open = publicAction({ name: "test-public", args: z.tuple([]), reason: "no session yet" }, async () => 1);
    expect(actionMeta(open)).toMatchObject({ access: "public", reason: "no session yet" });
    expect(actionMeta(async () => 1)).toBeUndefined();
  });
});
