// Isolation sweep (issue #8): every page and route handler of tests/e2e/isolation-table.ts is requested by
// practitioner A (control: 200, and A's data where it should be), then replayed with A's ids by practitioner B
// (expected: 404, a refusal, or only B's own data) and by a visitor without a session (login or 401). A's
// accountant (issue 21) requests them too while looking at A's practice: the read-only set answers with A's data,
// everything else refuses (pages: redirect to /commercialista; route handlers: 403); after A revokes the access,
// the read-only set refuses as well.
// tests/unit/isolation-coverage.test.ts fails when a page or route under app/ is missing from the table; the
// server actions are swept at service level by tests/integration/isolation-actions.test.ts.
import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { acceptInvitationLink, createInvitationLink } from "./accountant-helpers";
import { registerAndLogin, uniqueEmail } from "./helpers";
import { URLS, type UrlEntry } from "./isolation-table";
import { seedStsLog, seedCitizenReport, seedInvoice, seedInvoices, seedPatient } from "./seed";
import { seedSts } from "./sts-helpers";

type Ids = Record<
  "invoiceId" | "invoiceNumber" | "patientId" | "patientLastName" | "submissionId" | "year" | "exportId",
  string
>;

function seedSubmission(email: string, options: { invoiceIds: [string, string]; protocollo: string }) {
  return seedStsLog(email, options);
}

function fill(url: string, ids: Ids): string {
  return url.replace(/\{(\w+)\}/g, (_m, key: string) => {
    const value = ids[key as keyof Ids];
    if (value === undefined) throw new Error(`unknown placeholder {${key}} in ${url}`);
    return encodeURIComponent(value);
  });
}

async function get(request: APIRequestContext, url: string) {
  const res = await request.get(url, { maxRedirects: 0, failOnStatusCode: false });
  const type = res.headers()["content-type"] ?? "";
  // Binary answers (PDF, zip) are compared as latin1 text: enough to look for the markers.
  const body = (await res.body()).toString(/pdf|zip/.test(type) ? "latin1" : "utf8");
  return { status: res.status(), location: res.headers()["location"] ?? "", type, body };
}

/** A prepares a full export and waits for it: the id of its download link. */
async function exportOf(page: Page): Promise<string> {
  await page.goto("/impostazioni/esporta");
  await page.getByRole("button", { name: "Prepara l'esportazione" }).click();
  const link = page.getByRole("link", { name: "Scarica il file ZIP" });
  await expect(link).toBeVisible({ timeout: 60_000 });
  return (await link.getAttribute("href"))!.split("/").at(-1)!;
}

async function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext();
}

test.describe("isolation sweep: B replays A's URLs", () => {
  let contextA: BrowserContext;
  let contextB: BrowserContext;
  let anonymous: BrowserContext;
  let accountant: BrowserContext;
  let ids: Ids;
  let markers: string[];

  test.beforeAll(async ({ browser }) => {
    contextA = await newContext(browser);
    contextB = await newContext(browser);
    anonymous = await newContext(browser);
    accountant = await newContext(browser);

    const pageA = await contextA.newPage();
    const emailA = await registerAndLogin(pageA, "Dott.ssa Anna Sweep", uniqueEmail("sweep-a"));
    await seedSts(emailA);
    const patientLastName = `Riservatissima${Date.now().toString(36)}`;
    const patient = await seedPatient(emailA, { firstName: "Ottavia", lastName: patientLastName });
    const paid = { patientId: patient.id, paymentDate: "2026-03-10", paymentMethod: "carta" };
    const [first, second] = await seedInvoices(emailA, { count: 2, ...paid, issueDate: "2026-03-10" });
    // A third document still to send: what the STS file, the credit note and the edit form act on.
    const invoice = await seedInvoice(emailA, { ...paid, issueDate: "2026-03-11", paymentDate: "2026-03-11" });
    // An invoice still unpaid long after its date (Promemoria di pagamento) and a message of A's to the patient (Posta).
    await seedInvoice(emailA, { patientId: patient.id, issueDate: "2026-03-12" });
    await pageA.goto(`/fatture/${invoice.id}`);
    await pageA.getByLabel("Indirizzo e-mail del paziente").fill("ottavia@example.test");
    await pageA.getByRole("button", { name: "Invia per e-mail" }).click();
    await expect(pageA.getByRole("status").filter({ hasText: "Nessun server di posta configurato" })).toBeVisible();
    const protocollo = `26${Date.now().toString().slice(-8)}`;
    const { submissionId } = await seedSubmission(emailA, { invoiceIds: [first, second], protocollo });
    // A patient's report about A's first invoice: the reports page links to it.
    await seedCitizenReport(emailA, { invoiceId: first, text: `Segnalazione di ${patientLastName}` });
    ids = {
      invoiceId: invoice.id,
      invoiceNumber: String(invoice.number),
      patientId: patient.id,
      patientLastName,
      submissionId,
      year: "2026",
      exportId: await exportOf(pageA),
    };
    markers = [patientLastName, patient.id, invoice.id, first, second, submissionId, protocollo, ids.exportId];
    // Verifica su STS shows the last comparison stored for the year: A runs one, so that the page holds A's data
    // (the documents STS does not have, linked to their invoices).
    await pageA.goto("/invii/verifica?anno=2026");
    await pageA.getByRole("button", { name: "Verifica ora" }).click();
    await expect(pageA.getByTestId("reconcile-summary")).toBeVisible({ timeout: 60_000 });
    const invitation = await createInvitationLink(pageA);
    await pageA.close();

    const pageC = await accountant.newPage();
    await registerAndLogin(pageC, "Rag. Carla Sweep", uniqueEmail("sweep-c"));
    await acceptInvitationLink(pageC, invitation, "Dott.ssa Anna Sweep");
    await pageC.close();

    const pageB = await contextB.newPage();
    const emailB = await registerAndLogin(pageB, "Dott. Bruno Sweep", uniqueEmail("sweep-b"));
    // B has STS settings of its own, so that the STS file's handler gets as far as looking for the documents.
    await seedSts(emailB);
    await pageB.close();
  });

  test.afterAll(async () => {
    await Promise.all([contextA?.close(), contextB?.close(), anonymous?.close(), accountant?.close()]);
  });

  // One test, one step per URL, soft assertions: a run reports every URL that fails, not only the first.
  test("every page and route handler of the table", async () => {
    for (const entry of URLS) {
      await test.step(`${entry.url} (${entry.outcome})`, () => sweep(entry));
    }
  });

  // One test for the accountant: the read-only set, then A revokes, then the same set again (refused).
  test("every page and route handler for A's accountant, before and after revocation", async () => {
    for (const entry of URLS) {
      await test.step(`${entry.url} (accountant: ${entry.accountant})`, () => sweepAccountant(entry, false));
    }
    const pageA = await contextA.newPage();
    await pageA.goto("/impostazioni/commercialista");
    await pageA.getByRole("button", { name: /^Revoca: Rag\. Carla Sweep/ }).click();
    await expect(pageA.getByText("Nessun commercialista ha accesso")).toBeVisible();
    await pageA.close();
    for (const entry of URLS.filter((e) => e.accountant === "read")) {
      await test.step(`${entry.url} (accountant, revoked)`, () => sweepAccountant(entry, true));
    }
  });

  async function sweepAccountant(entry: UrlEntry, revoked: boolean) {
    const url = fill(entry.url, ids);
    const foreign = markers.filter((m) => !url.includes(m));
    const c = await get(accountant.request, url);
    const isRoute = entry.file.endsWith("route.ts");
    if (entry.accountant === "read" && !revoked) {
      expect.soft(c.status, `accountant ${url}`).toBe(200);
      if (/html|csv/.test(c.type) && (entry.url.includes("{") || entry.outcome === "own-data-only")) {
        expect
          .soft(
            markers.filter((m) => c.body.includes(m)),
            `accountant ${url} reads A's data`,
          )
          .not.toEqual([]);
      }
      return;
    }
    if (entry.accountant === "account") {
      expect.soft(`${c.status} ${c.location}`, `accountant ${url}`).toMatch(/^(200 |30\d )/);
    } else if (isRoute) {
      expect.soft(c.status, `accountant ${url}`).toBe(403);
      expect.soft(c.type, `accountant ${url}: an error, not A's file`).toMatch(/json/);
    } else {
      expect.soft(`${c.status} ${c.location}`, `accountant ${url}`).toMatch(/^30\d .*\/commercialista$/);
    }
    expect
      .soft(
        foreign.filter((m) => c.body.includes(m)),
        `accountant ${url} shows A's data`,
      )
      .toEqual([]);
  }

  async function sweep(entry: UrlEntry) {
    const url = fill(entry.url, ids);
    // An id B itself put in the URL may come back (Next echoes the request's params): it is not A's data.
    const foreign = markers.filter((m) => !url.includes(m));

    // Control: A gets the resource, so a 404 for B is about B and not about a wrong URL or unusable data.
    const a = await get(contextA.request, url);
    if (entry.outcome === "admin-only") {
      expect.soft(a.status, `A ${url}`).toBe(404);
      expect.soft((await get(contextB.request, url)).status, `B ${url}`).toBe(404);
      const anon = await get(anonymous.request, url);
      expect.soft(`${anon.status} ${anon.location}`, `anonymous ${url}`).toMatch(/^30\d .*\/login/);
      return;
    }
    // Public pages send a logged-in practitioner on to the app.
    if (entry.outcome === "public") expect.soft(`${a.status} ${a.location}`, `A ${url}`).toMatch(/^(200 |30\d )/);
    else expect.soft(a.status, `A ${url}`).toBe(200);
    // PDFs are compressed and the STS file encrypts the codice fiscale: for those, the control is the 200 alone.
    const readable = /html|csv/.test(a.type);
    if (readable && (entry.url.includes("{") || (entry.outcome === "own-data-only" && entry.url !== "/"))) {
      expect
        .soft(
          markers.filter((m) => a.body.includes(m)),
          `A ${url} shows none of A's data: the check on B would prove nothing`,
        )
        .not.toEqual([]);
    }

    const b = await get(contextB.request, url);
    if (entry.outcome === "404") expect.soft(b.status, `B ${url}`).toBe(404);
    else if (entry.outcome === "refused")
      expect.soft(b.status >= 400 && b.status < 500, `B ${url}: 4xx, got ${b.status}`).toBe(true);
    else if (entry.outcome === "public") expect.soft(`${b.status} ${b.location}`, `B ${url}`).toMatch(/^(200 |30\d )/);
    else expect.soft(b.status, `B ${url}`).toBe(200);
    if (b.status !== 200) expect.soft(b.type, `B ${url}: an error, not A's file`).toMatch(/json|html/);
    expect
      .soft(
        foreign.filter((m) => b.body.includes(m)),
        `B ${url} shows A's data`,
      )
      .toEqual([]);

    // Without a session: pages send to the login, route handlers answer 401; never A's data.
    const anon = await get(anonymous.request, url);
    if (entry.outcome === "public") expect.soft(anon.status, `anonymous ${url}`).toBe(200);
    else if (entry.file.endsWith("route.ts")) expect.soft(anon.status, `anonymous ${url}`).toBe(401);
    else expect.soft(`${anon.status} ${anon.location}`, `anonymous ${url}`).toMatch(/^30\d .*\/login/);
    expect
      .soft(
        foreign.filter((m) => anon.body.includes(m)),
        `anonymous ${url} shows A's data`,
      )
      .toEqual([]);
  }
});
