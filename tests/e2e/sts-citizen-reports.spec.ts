import { execFile } from "node:child_process";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { nextPartitaIva } from "../../prisma/seed/factories/partita-iva";
import { buildCodiceFiscale } from "../../prisma/seed/factories/codice-fiscale";
import { e2eInstance } from "./e2e-env";
import { registerAndLogin } from "./helpers";
import { seedInvoices, seedPatient } from "./seed";
import { seedSts, simulatorAdmin, stsCell } from "./sts-helpers";
import { screenshotBothWidths } from "./viewports";

// A patient's report to STS about an accepted invoice: planted in the simulator, read by the daily job (run now,
// as `npm run job` does, against the e2e installation), shown on the invoice, in the list and counted on the
// dashboard; correcting the invoice sends a variazione; marking it handled takes it out of the count.

async function sendNow(page: Page, number: string) {
  await page.goto("/fatture");
  const cell = stsCell(page, number);
  await expect(cell.locator("[data-sts-state]")).toHaveAttribute("data-sts-state", "to_send");
  await cell.getByRole("button", { name: /Azioni STS/ }).click();
  await cell.getByRole("button", { name: "Invia ora", exact: true }).click();
  await expect(cell.locator("[data-sts-state]")).toHaveAttribute("data-sts-state", "accepted");
}

function runJob(name: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = {
    ...process.env,
    DATA_DIR: e2eInstance().dataDir,
    DATABASE_URL: "",
    STS_ENVIRONMENT: "simulator",
    STS_SIMULATOR_URL: e2eInstance().simulatorUrl,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const tsx = join(process.cwd(), "node_modules/tsx/dist/cli.mjs");
  return new Promise((resolve) =>
    execFile(process.execPath, [tsx, "jobs/run-job.ts", name], { env }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

type HeldDocument = { key: string; id: { pIva: string }; items: { tipoSpesa: string; amountCents: number }[] };

async function heldDocumentOf(pIva: string): Promise<HeldDocument> {
  const res = await simulatorAdmin("documents");
  const { documents } = (await res.json()) as { documents: HeldDocument[] };
  const ours = documents.filter((d) => d.id.pIva === pIva);
  expect(ours).toHaveLength(1);
  return ours[0]!;
}

test("a patient's report: job → on its invoice and in the list → correction sends a variazione → handled", async ({
  page,
}) => {
  test.setTimeout(360_000);
  const email = await registerAndLogin(page, "Dott.ssa Segnalata");
  const pIva = nextPartitaIva();
  await seedSts(email, pIva);
  const patient = await seedPatient(email, {
    firstName: "Carla",
    lastName: "Neri",
    codiceFiscale: buildCodiceFiscale({ sequence: 9_700_000 + Math.floor(Math.random() * 200_000) }),
  });
  const [invoiceId] = await seedInvoices(email, {
    count: 1,
    patientId: patient.id,
    issueDate: "2026-09-01",
    paymentDate: "2026-09-01",
    paymentMethod: "carta",
  });
  await sendNow(page, "1/2026");
  const held = await heldDocumentOf(pIva);
  const [, dataEmissione, dispositivo, numDocumento] = held.key.split("|");

  const planted = await simulatorAdmin("citizen-reports", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      id: { pIva, dataEmissione, dispositivo: Number(dispositivo), numDocumento },
      segnalazioni: ["Ho pagato meno di quanto indicato"],
      voci: [{ tipoSpesa: "SP", segnalazioneImporto: "Ho pagato 60,00 euro" }],
    }),
  });
  expect(planted.status, await planted.clone().text()).toBe(200);

  const job = await runJob("sts-citizen-reports");
  expect(job.code, job.stderr).toBe(0);
  expect(job.stdout).toMatch(/"stored":[1-9]/);

  // On its invoice: what the patient reported, and what the practitioner can do.
  await page.goto(`/fatture/${invoiceId}`);
  const onInvoice = page.getByTestId("invoice-citizen-reports").getByTestId("citizen-report");
  await expect(onInvoice).toHaveCount(1);
  await expect(onInvoice).toContainText("Ho pagato meno di quanto indicato");
  await expect(onInvoice).toContainText("importo segnalato: Ho pagato 60,00 euro");
  await expect(onInvoice).toContainText("SP (Prestazioni sanitarie)");
  await expect(onInvoice.getByRole("link", { name: "Correggi la fattura" })).toBeVisible();

  // In the list and counted on the dashboard.
  await page.goto("/");
  await expect(page.getByTestId("citizen-reports-banner")).toContainText("1 paziente ha segnalato");
  await page.getByTestId("citizen-reports-banner").getByRole("link").click();
  await expect(page.getByRole("heading", { name: "Segnalazioni dei pazienti" })).toBeVisible();
  const listed = page.getByTestId("citizen-reports-open").getByTestId("citizen-report");
  await expect(listed).toHaveCount(1);
  await expect(listed.getByRole("link", { name: "fattura n. 1/2026" })).toBeVisible();
  await screenshotBothWidths(page, "citizen-reports-open");
  // Reading again now finds nothing new: the same report is stored once.
  await page.getByRole("button", { name: "Controlla ora" }).click();
  await expect(page.getByTestId("citizen-check-result")).toHaveText("Nessuna nuova segnalazione.");
  await expect(listed).toHaveCount(1);

  // Correct the invoice: the edit sends a variazione, and STS holds the corrected amount.
  await listed.getByRole("link", { name: "fattura n. 1/2026" }).click();
  await page.getByTestId("invoice-citizen-reports").getByRole("link", { name: "Correggi la fattura" }).click();
  await page.locator("#line-0-unitPrice").fill("60,00");
  await page.getByRole("button", { name: "Salva modifiche" }).click();
  await expect(page.getByText(/Variazione del documento n\. 1\/2026/)).toBeVisible();
  await sendNow(page, "1/2026");
  const counts = (await (await simulatorAdmin("counts")).json()) as {
    documents: Record<string, { accepted: Record<string, number> }>;
  };
  expect(counts.documents[held.key]?.accepted).toMatchObject({ I: 1, V: 1 });
  expect((await heldDocumentOf(pIva)).items.map((i) => i.amountCents)).not.toEqual(
    held.items.map((i) => i.amountCents),
  );

  // Marked handled: out of the count and of the list to handle, still on the invoice as handled.
  await page.goto(`/fatture/${invoiceId}`);
  await onInvoice.getByRole("button", { name: "Segna come gestita" }).click();
  await expect(onInvoice).toContainText("gestita il");
  await expect(onInvoice.getByRole("button", { name: "Segna come gestita" })).toHaveCount(0);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByTestId("citizen-reports-banner")).toHaveCount(0);
  await page.goto("/invii/segnalazioni");
  await expect(page.getByTestId("citizen-reports-empty")).toBeVisible();
  await expect(page.getByTestId("citizen-reports-handled").getByTestId("citizen-report")).toHaveCount(1);
});
