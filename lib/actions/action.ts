// The one way to build a server action. Every export of a 'use server' file is a public HTTP endpoint that anybody
// can call with any JSON-like arguments; an action built here:
//   1. checks the session itself (unless declared public, with a reason): `action` needs the owner's own session
//      and refuses an accountant's read-only one (requirePractitioner); `accountAction` (logout, switching
//      practice, accepting an invitation) needs only a logged-in account,
//   2. parses its positional arguments with a zod tuple (ids are short strings, never objects, arrays or numbers),
//      before any service or database is reached,
//   3. maps errors to the ActionResult a form shows (AppError → its Italian message; anything else → a generic
//      message, logged without user data),
//   4. revalidates the given paths after a success.
// tests/unit/server-actions.test.ts imports every 'use server' module and checks each export was built here.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { AppError, toActionError, type ActionResult } from "../app-error";
import { requireAccount, requirePractitioner, type CurrentPractitioner } from "../auth/session";

/** An id sent by the client: a short string (cuid), never an object, array or number. */
export const Id = z.string().min(1).max(64);
/** A list of ids (bulk actions). */
export const IdList = z.array(Id).max(500);

export type Revalidate = string | [path: string, type: "layout" | "page"];

type Args = z.ZodTuple<readonly z.ZodType[], null>;

export type ActionMeta = {
  name: string;
  /** "public": no session is required (registration); the reason says why. "account": any logged-in account. */
  access: "practitioner" | "account" | "public";
  reason?: string;
  args: Args;
};

const built = new WeakMap<object, ActionMeta>();

/** The metadata of a function built by this module, or undefined for any other function. */
export function actionMeta(fn: unknown): ActionMeta | undefined {
  return typeof fn === "function" ? built.get(fn) : undefined;
}

export const INVALID_REQUEST = "Richiesta non valida: ricarica la pagina e riprova.";

type Handler<A extends Args, T, C> = (context: C, ...args: z.output<A>) => Promise<T>;

type Config<A extends Args> = { name: string; args: A; revalidate?: Revalidate[] };

/** Builds actions with a given way of finding the session (tests pass their own; the app uses the default). */
export function actionBuilder(
  authenticate: () => Promise<CurrentPractitioner>,
  authenticateAccount: () => Promise<CurrentPractitioner> = authenticate,
) {
  function make<A extends Args, T, C>(
    config: Config<A>,
    meta: Omit<ActionMeta, "name" | "args">,
    context: () => Promise<C>,
    handler: Handler<A, T, C>,
  ) {
    const fn = async (...raw: z.input<A>): Promise<ActionResult<T>> => {
      try {
        const ctx = await context();
        const parsed = config.args.safeParse(raw);
        if (!parsed.success) throw new AppError("validation", INVALID_REQUEST);
        const data = await handler(ctx, ...(parsed.data as z.output<A>));
        for (const entry of config.revalidate ?? []) {
          if (typeof entry === "string") revalidatePath(entry);
          else revalidatePath(entry[0], entry[1]);
        }
        return { ok: true, data };
      } catch (error) {
        return toActionError(error, config.name);
      }
    };
    built.set(fn, { name: config.name, args: config.args, ...meta });
    return fn;
  }

  return {
    /** An action of the logged-in practitioner: the handler gets the practitioner from the session. */
    action<A extends Args, T>(config: Config<A>, handler: Handler<A, T, { practitioner: CurrentPractitioner }>) {
      return make(config, { access: "practitioner" }, async () => ({ practitioner: await authenticate() }), handler);
    },
    /** An action of the account itself, allowed in an accountant's read-only session too (it acts on no practice). */
    accountAction<A extends Args, T>(config: Config<A>, handler: Handler<A, T, { account: CurrentPractitioner }>) {
      return make(config, { access: "account" }, async () => ({ account: await authenticateAccount() }), handler);
    },
    /** An action anybody may call (registration): the reason is kept with it and checked by the tests. */
    publicAction<A extends Args, T>(config: Config<A> & { reason: string }, handler: Handler<A, T, object>) {
      return make(config, { access: "public", reason: config.reason }, async () => ({}), handler);
    },
  };
}

export const { action, accountAction, publicAction } = actionBuilder(requirePractitioner, requireAccount);
