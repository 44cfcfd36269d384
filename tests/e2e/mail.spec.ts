import { expect, test, type Page } from "@playwright/test";
import { extractText } from "unpdf";
import { startSmtpTestServer, type SmtpTestServer } from "../support/smtp-test-server";
import { registerAndLogin } from "./helpers";
import { seedInvoice, seedPatient, seedProfile } from "./seed";
import { screenshot } from "./screenshots";

const SMTP_USER = "studio-e2e@example.test";
const SMTP_PASSWORD = "smtp-e2e-Segreta-51";

let server: SmtpTestServer;
test.beforeAll(async () => {
  server = await startSmtpTestServer({ auth: { user: SMTP_USER, pass: SMTP_PASSWORD } });
});
test.afterAll(() => server.close());

async function configureSmtp(page: Page, port: number) {
  await page.goto("/impostazioni/email");
  await page.getByLabel("Nome del mittente").fill("Dott.ssa Posta Elettronica");
  await page.getByLabel("Server", { exact: true }).fill("127.0.0.1");
  await page.getByLabel("Porta").fill(String(port));
  await page.getByLabel("Sicurezza").selectOption("none");
  await page.getByLabel("Nome utente").fill(SMTP_USER);
  await page.getByLabel("Password").fill(SMTP_PASSWORD);
  await page.getByRole("button", { name: "Salva le impostazioni e-mail" }).click();
  await expect(page.getByText("Impostazioni salvate.")).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveValue("");
  await expect(page.locator("body")).not.toContainText(SMTP_PASSWORD);
}

async function pdfText(content: Buffer) {
  return (await extractText(new Uint8Array(content), { mergePages: true })).text;
}

test("invoice, reminder and annual statement by e-mail: outbox first, then a real SMTP server", async ({ page }) => {
  const email = await registerAndLogin(page, "Dott.ssa Posta Elettronica");
  await seedProfile(email);
  const suffix = Date.now().toString(36).replace(/\d/g, "x");
  const patient = await seedPatient(email, {
    firstName: "Marta",
    lastName: `Postini${suffix}`,
    email: "marta@example.test",
  });
  const other = await seedPatient(email, {
    firstName: "Elio",
    lastName: `Altrove${suffix}`,
    email: "elio@example.test",
  });
  await seedInvoice(email, {
    patientId: other.id,
    issueDate: "2026-08-20",
    paymentDate: "2026-08-20",
    paymentMethod: "carta",
  });
  const overdue = await seedInvoice(email, { patientId: patient.id, issueDate: "2026-09-01" });
  await seedInvoice(email, {
    patientId: patient.id,
    issueDate: "2026-10-05",
    paymentDate: "2026-10-05",
    paymentMethod: "pos",
  });
  const draft = await seedInvoice(email, { patientId: patient.id, issueDate: "2026-11-25", issue: false });

  // Issue, then e-mail with nothing configured: the message waits in the outbox, shown in the app.
  await page.goto(`/fatture/${draft.id}`);
  await page.getByRole("button", { name: "Emetti fattura" }).click();
  await expect(page.getByText("Fattura emessa.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Fattura n\. \d+\/2026$/);
  const heading = await page.getByRole("heading", { level: 1 }).textContent();
  const number = heading!.replace("Fattura n. ", "").trim();
  await expect(page.getByLabel("Indirizzo e-mail del paziente")).toHaveValue("marta@example.test");
  await page.getByRole("button", { name: "Invia per e-mail" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Nessun server di posta configurato" })).toBeVisible();
  await page.goto("/posta");
  await expect(page.getByTestId("mail-message")).toHaveCount(1);
  await expect(page.getByTestId("mail-message")).toContainText("Nella posta in uscita");
  await expect(page.getByTestId("mail-message")).toContainText(`Fattura n. ${number}`);
  await screenshot(page, "mail-outbox");

  // A real server: an invalid address is refused beside the field, then the message arrives with the right PDF.
  await configureSmtp(page, server.port);
  await page.goto(`/fatture/${draft.id}`);
  await page.getByLabel("Indirizzo e-mail del paziente").fill("marta@");
  await page.getByRole("button", { name: "Invia per e-mail" }).click();
  await expect(page.locator("#invoice-mail-to-error")).toContainText("Indirizzo e-mail non valido");
  await page.getByLabel("Indirizzo e-mail del paziente").fill("marta@example.test");
  await page.getByRole("button", { name: "Invia per e-mail" }).click();
  await expect(page.getByText("Inviata a marta@example.test.")).toBeVisible();
  const [invoiceMail] = await server.waitFor(1);
  expect(invoiceMail.envelopeTo).toEqual(["marta@example.test"]);
  expect(invoiceMail.parsed.subject).toBe(`Fattura n. ${number} del 25/11/2026`);
  expect(invoiceMail.parsed.text).toContain("Gentile Marta Postini");
  expect(invoiceMail.parsed.attachments).toHaveLength(1);
  const invoicePdf = await pdfText(invoiceMail.parsed.attachments[0].content);
  expect(invoicePdf).toContain(number);
  expect(invoicePdf).toContain(`Postini${suffix}`);
  expect(`${invoiceMail.parsed.text}${invoicePdf}`).not.toContain(`Altrove${suffix}`);
  await expect(page.getByTestId("invoice-mail").getByTestId("mail-message").first()).toContainText("Inviata");
  await screenshot(page, "mail-invoice-sent");

  // The message kept in the outbox goes out on request, once.
  await page.goto("/posta");
  await page.getByRole("button", { name: "Invia ora" }).click();
  await server.waitFor(2);
  await expect(page.getByRole("button", { name: "Invia ora" })).toHaveCount(0);

  // A reminder for the invoice unpaid since September.
  await page.goto("/promemoria");
  const row = page.getByTestId("overdue-invoice").filter({ hasText: "01/09/2026" });
  await expect(row).toHaveCount(1);
  await screenshot(page, "mail-reminders");
  await row.getByRole("button", { name: "Invia promemoria" }).click();
  await expect(page.getByText("1 promemoria inviato.")).toBeVisible();
  const reminder = (await server.waitFor(3))[2];
  expect(reminder.envelopeTo).toEqual(["marta@example.test"]);
  expect(reminder.parsed.subject).toMatch(/^Promemoria: fattura n. \d+\/2026 del 01\/09\/2026$/);
  expect(reminder.parsed.text).toContain("risulta ancora da saldare");
  expect(overdue.id).toBeTruthy();

  // The annual statement from the patient card.
  await page.goto(`/pazienti/${patient.id}`);
  await page.getByRole("button", { name: "Invia il riepilogo 2026 per e-mail" }).click();
  await expect(page.getByText("Inviata a marta@example.test.")).toBeVisible();
  const statement = (await server.waitFor(4))[3];
  expect(statement.parsed.subject).toBe("Riepilogo delle spese sanitarie 2026");
  expect(statement.parsed.attachments[0].filename).toMatch(/^riepilogo-spese-2026-/);
  const statementPdf = await pdfText(statement.parsed.attachments[0].content);
  expect(statementPdf).toContain(`Postini${suffix}`);
  expect(statementPdf).not.toContain(`Altrove${suffix}`);

  // A server that does not answer: the message stays queued with the error, shown where it was sent.
  const closed = await startSmtpTestServer();
  const closedPort = closed.port;
  await closed.close();
  await configureSmtp(page, closedPort);
  await page.goto(`/fatture/${draft.id}`);
  await page.getByRole("button", { name: "Invia per e-mail" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Non inviata, resta in coda" })).toBeVisible();
  await expect(page.getByTestId("invoice-mail").getByTestId("mail-message").first()).toContainText(
    "non è raggiungibile",
  );
  await page.goto("/posta");
  await expect(page.locator('[data-testid="mail-message"][data-status="queued"]')).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Riprova" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText(SMTP_PASSWORD);
  await screenshot(page, "mail-failed");
  expect(server.received).toHaveLength(4);
});

test("the year's figures: summary, limits and the monthly chart", async ({ page }) => {
  const email = await registerAndLogin(page, "Dott. Cifre Annuali");
  await seedProfile(email);
  const patient = await seedPatient(email);
  await seedInvoice(email, {
    patientId: patient.id,
    issueDate: "2025-12-20",
    paymentDate: "2026-01-08",
    paymentMethod: "carta",
  });
  await seedInvoice(email, {
    patientId: patient.id,
    issueDate: "2026-04-15",
    paymentDate: "2026-07-03",
    paymentMethod: "bonifico",
    lines: [{ description: "Percorso", quantity: 1, unitPrice: "150,00", expenseType: "SP", pensionFund: true }],
  });
  await page.goto("/cifre?anno=2026");
  const summary = page.getByTestId("figures-summary");
  await expect(summary.getByRole("row", { name: /^Compensi incassati/ })).toContainText("220,00");
  await expect(summary.getByRole("row", { name: /^Contributo integrativo ENPAP/ })).toContainText("4,40");
  await expect(page.getByText("Conta per i limiti: i compensi incassati")).toBeVisible();
  const chart = page.getByTestId("monthly-chart");
  await expect(chart).toBeVisible();
  await expect(chart.locator("rect")).toHaveCount(2);
  await screenshot(page, "figures-2026");

  const csv = await page.request.get("/cifre/esporta?anno=2026&formato=csv");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain("Compensi incassati;220,00");
  const pdf = await page.request.get("/cifre/esporta?anno=2026&formato=pdf");
  const text = await pdfText(Buffer.from(await pdf.body()));
  expect(text).toContain("Cifre dell'anno 2026");
  expect(text).toContain("220,00");
});
