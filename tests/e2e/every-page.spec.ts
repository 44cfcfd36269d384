import { expect, test, type Locator, type Page } from "@playwright/test";
import { acceptInvitationLink, createInvitationLink } from "./accountant-helpers";
import { axeViolations } from "./axe";
import { registerAndLogin } from "./helpers";
import { seedStsLog, seedCitizenReport, seedInvoice, seedPatient, seedProfile } from "./seed";
import { VIEWPORTS } from "./viewports";
import { screenshot, TAKE_SCREENSHOTS } from "./screenshots";

// Every page of app/, at the desktop and the phone width: nothing scrolls sideways, the page's main action can be
// reached (inside the screen's width once scrolled to), and axe-core finds no accessibility violation. A guard for
// the whole surface: a new page belongs in these lists.

// Many pages, each at two widths with an axe run: a guard against hangs, not a speed check.
test.describe.configure({ timeout: 600_000 });

type PageCheck = { name: string; path: string; mainAction: (page: Page) => Locator };

const byButton = (name: string) => (page: Page) => page.getByRole("button", { name, exact: true });
const byLink = (name: string) => (page: Page) => page.getByRole("main").getByRole("link", { name, exact: true });

// The page is loaded once, at the first width, and then resized: Parcella's pages adapt to the width through CSS
// alone (no script reads the window's size), so the server sends the same page to both and the resized page is the
// one a phone lays out. A load per width cost the sweep about a sixth of its CPU (docs/TESTING.md).
async function checkPage(page: Page, check: PageCheck) {
  await page.setViewportSize(VIEWPORTS[0]);
  await page.goto(check.path);
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await expect(page.locator("h1")).toBeVisible();

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${check.path} at ${viewport.width}px scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);

    const action = check.mainAction(page).first();
    // Retried as a whole: a page that refreshes itself (router.refresh) may swap the element while it is measured.
    await expect(async () => {
      await action.scrollIntoViewIfNeeded();
      await expect(action, `${check.path}: main action at ${viewport.width}px`).toBeInViewport();
      const box = await action.boundingBox();
      expect(box, `${check.path}: main action has a box`).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, `${check.path}: main action cut off at ${viewport.width}px`).toBeLessThanOrEqual(
        viewport.width,
      );
    }).toPass();

    expect(await axeViolations(page), `axe on ${check.path} at ${viewport.width}px`).toEqual([]);

    if (TAKE_SCREENSHOTS) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, `page-${check.name}-${viewport.width}`);
    }
  }
}

test("login and registration pages at both widths", async ({ page }) => {
  for (const check of [
    { name: "login", path: "/login", mainAction: byButton("Accedi") },
    { name: "registrazione", path: "/registrazione", mainAction: byButton("Crea l'account") },
  ]) {
    await test.step(check.path, () => checkPage(page, check));
  }
  // The check itself: a field without a label and an image without a text, added to the page, are found.
  await page.evaluate(() => {
    document.querySelector("main")!.insertAdjacentHTML("beforeend", '<input type="text"><img src="/favicon.ico">');
  });
  const found = await axeViolations(page);
  expect(found.map((line) => line.split(" ")[0])).toEqual(expect.arrayContaining(["image-alt", "label"]));
});

test("the first run: a new practitioner's empty pages at both widths", async ({ page }) => {
  await registerAndLogin(page, "Dott.ssa Prima Volta");
  for (const check of [
    { name: "home-new", path: "/", mainAction: byLink("Nuova fattura") },
    { name: "fatture-empty", path: "/fatture", mainAction: byLink("Nuova fattura") },
    { name: "pazienti-empty", path: "/pazienti", mainAction: byLink("Nuovo paziente") },
    { name: "invii-empty", path: "/invii", mainAction: (p: Page) => p.getByRole("heading", { name: "Invii STS" }) },
  ]) {
    await test.step(check.path, () => checkPage(page, check));
  }
});

type Practice = { patientId: string; firstId: string; secondId: string; submissionId: string };

// A practice with a profile, a patient with long names, two paid invoices and a completed send.
async function openPractice(page: Page, name: string): Promise<Practice> {
  const email = await registerAndLogin(page, name);
  await seedProfile(email);
  const patient = await seedPatient(email, { firstName: "Alessandra Maria", lastName: "Castiglioni Montefeltro" });
  const first = await seedInvoice(email, {
    patientId: patient.id,
    issueDate: "2026-03-10",
    paymentDate: "2026-03-10",
    paymentMethod: "carta",
  });
  const second = await seedInvoice(email, {
    patientId: patient.id,
    issueDate: "2026-03-11",
    paymentDate: "2026-03-11",
    paymentMethod: "bonifico",
  });
  const { submissionId } = await seedStsLog(email, {
    invoiceIds: [first.id, second.id],
    protocollo: `26${Date.now().toString().slice(-8)}`,
  });
  // A patient's report to STS about the first invoice: shown on its page and in the reports' list.
  await seedCitizenReport(email, {
    invoiceId: first.id,
    text: "L'importo indicato non corrisponde a quanto ho pagato alla professionista per la seduta di marzo",
    detail: {
      dataPagamento: "2026-03-10",
      reports: [],
      items: [{ tipoSpesa: "SP", amountCents: 7000, reportedAmount: "Ho pagato 60,00 euro", reportedTipoSpesa: "AA" }],
      refundedItems: [],
    },
  });
  return { patientId: patient.id, firstId: first.id, secondId: second.id, submissionId };
}

// Groups of a few pages, each with a practice of its own, so that they run side by side and none holds a worker
// for minutes at the end of the run.
const GROUPS: { title: string; checks: (p: Practice) => PageCheck[] }[] = [
  {
    title: "invoices",
    checks: (p) => [
      { name: "fatture", path: "/fatture", mainAction: byLink("Nuova fattura") },
      { name: "fatture-nuova", path: "/fatture/nuova", mainAction: byButton("Emetti fattura") },
      {
        name: "fattura",
        path: `/fatture/${p.firstId}`,
        mainAction: (pg) => pg.getByRole("link", { name: "Scarica PDF" }),
      },
      { name: "fattura-modifica", path: `/fatture/${p.secondId}/modifica`, mainAction: byButton("Salva modifiche") },
      {
        name: "nota-di-credito",
        path: `/fatture/${p.secondId}/nota-di-credito`,
        mainAction: byButton("Emetti nota di credito"),
      },
    ],
  },
  {
    title: "home and patients",
    checks: (p) => [
      { name: "home", path: "/", mainAction: byLink("Nuova fattura") },
      { name: "pazienti", path: "/pazienti", mainAction: byLink("Nuovo paziente") },
      { name: "pazienti-nuovo", path: "/pazienti/nuovo", mainAction: byButton("Crea il paziente") },
      { name: "paziente", path: `/pazienti/${p.patientId}`, mainAction: byButton("Salva le modifiche") },
    ],
  },
  {
    title: "settings",
    checks: () => [
      { name: "impostazioni", path: "/impostazioni", mainAction: (pg) => pg.getByRole("link", { name: /^Profilo/ }) },
      { name: "profilo", path: "/impostazioni/profilo", mainAction: byButton("Salva il profilo") },
      { name: "sts", path: "/impostazioni/sts", mainAction: byButton("Salva le impostazioni") },
      {
        name: "sicurezza",
        path: "/impostazioni/sicurezza",
        mainAction: byButton("Attiva la verifica in due passaggi"),
      },
    ],
  },
  {
    title: "settings' tools",
    checks: () => [
      { name: "diagnostica", path: "/impostazioni/sts/diagnostica", mainAction: byButton("Avvia la diagnostica") },
      { name: "importa", path: "/impostazioni/importa", mainAction: (pg) => pg.getByLabel("File CSV o XLSX") },
      { name: "esporta", path: "/impostazioni/esporta", mainAction: byButton("Prepara l'esportazione") },
      {
        name: "impostazioni-commercialista",
        path: "/impostazioni/commercialista",
        mainAction: byButton("Crea link di invito"),
      },
    ],
  },
  {
    title: "send log",
    checks: (p) => [
      { name: "invii", path: "/invii", mainAction: (pg) => pg.getByTestId("submission-row").getByRole("link").first() },
      { name: "segnalazioni", path: "/invii/segnalazioni", mainAction: byButton("Controlla ora") },
      {
        name: "invio",
        path: `/invii/${p.submissionId}`,
        mainAction: (pg) => pg.getByRole("link", { name: /ricevuta/i }),
      },
    ],
  },
  {
    title: "mail and figures",
    checks: () => [
      { name: "cifre", path: "/cifre?anno=2026", mainAction: (pg) => pg.getByRole("link", { name: "Scarica PDF" }) },
      { name: "posta", path: "/posta", mainAction: (pg) => pg.getByRole("link", { name: "Promemoria di pagamento" }) },
      {
        name: "promemoria",
        path: "/promemoria",
        mainAction: (pg) => pg.getByRole("heading", { name: "Promemoria di pagamento" }),
      },
      { name: "impostazioni-email", path: "/impostazioni/email", mainAction: byButton("Salva le impostazioni e-mail") },
    ],
  },
];

for (const group of GROUPS) {
  test(`every page of a practice: ${group.title}, at both widths`, async ({ page }) => {
    const practice = await openPractice(page, "Dott.ssa Giulia Bianchi Carraresi");
    for (const check of group.checks(practice)) {
      await test.step(check.path, () => checkPage(page, check));
    }
  });
}

test("the accountant's pages at both widths: invitation, practices, read-only invoices and send log", async ({
  page,
  browser,
}) => {
  const practiceName = "Dott.ssa Giulia Bianchi Carraresi";
  const practice = await openPractice(page, practiceName);
  const link = await createInvitationLink(page);
  const context = await browser.newContext();
  const accountant = await context.newPage();
  await registerAndLogin(accountant, "Rag. Marco Commercialista Lombardi");
  await checkPage(accountant, {
    name: "invito",
    path: link,
    mainAction: byButton(`Accetta e apri lo studio di ${practiceName}`),
  });
  await acceptInvitationLink(accountant, link, practiceName);
  for (const check of [
    { name: "commercialista-fatture", path: "/fatture", mainAction: byLink("Esporta CSV") },
    {
      name: "commercialista-fattura",
      path: `/fatture/${practice.firstId}`,
      mainAction: (pg: Page) => pg.getByRole("link", { name: "Scarica PDF" }),
    },
    {
      name: "commercialista-invii",
      path: "/invii",
      mainAction: (pg: Page) => pg.getByTestId("submission-row").getByRole("link").first(),
    },
    {
      name: "commercialista-invio",
      path: `/invii/${practice.submissionId}`,
      mainAction: (pg: Page) => pg.getByRole("link", { name: /ricevuta/i }),
    },
    { name: "commercialista", path: "/commercialista", mainAction: byButton(`Apri ${practiceName}`) },
  ]) {
    await test.step(check.path, () => checkPage(accountant, check));
  }
  await context.close();
});

test("the phone menu: collapsed navigation, every item and Esci on the screen once open", async ({ page }) => {
  await registerAndLogin(page, "Dott.ssa Menu Telefono");
  // On the phone the navigation collapses behind "Menu": every item and "Esci" fit the screen once it is open.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/fatture");
  const menuButton = page.getByRole("button", { name: "Menu" });
  const navigation = page.getByRole("navigation", { name: "Navigazione principale" });
  await expect(navigation).toBeHidden();
  await expect(page.getByTestId("sts-environment")).toBeInViewport({ ratio: 1 });
  await menuButton.click();
  for (const item of [
    ...["Home", "Fatture", "Pazienti", "Invii STS", "Cifre", "Posta", "Impostazioni"].map((name) =>
      navigation.getByRole("link", { name, exact: true }),
    ),
    page.getByRole("button", { name: "Esci" }),
  ]) {
    await expect(item).toBeInViewport({ ratio: 1 });
  }
  await screenshot(page, "phone-menu-open-390", { fullPage: false });
  await page.keyboard.press("Escape");
  await expect(navigation).toBeHidden();
  await expect(menuButton).toBeFocused();
  await menuButton.click();
  await navigation.getByRole("link", { name: "Pazienti" }).click();
  await expect(page.getByRole("heading", { name: "Pazienti" })).toBeVisible();
  await expect(navigation).toBeHidden();
  // The desktop shows the sidebar without a button.
  await page.setViewportSize({ width: 1366, height: 900 });
  await expect(navigation).toBeVisible();
  await expect(menuButton).toBeHidden();
});
