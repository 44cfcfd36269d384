import { expect, test } from "@playwright/test";
import { buildCodiceFiscale } from "../../prisma/seed/factories/codice-fiscale";
import { registerAndLogin } from "./helpers";
import { seedInvoices, seedPatient } from "./seed";
import { seedSts, stsCell } from "./sts-helpers";
import { screenshot } from "./screenshots";

const uniqueCf = () =>
  buildCodiceFiscale({ sequence: 3_000_000 + Math.floor(Math.random() * 2_000_000), birthDate: "1983-09-21" });

test("the STS row menu: one open at a time, Esc and an outside click close it, focus back, every action by keyboard", async ({
  page,
}) => {
  const email = await registerAndLogin(page, "Dott.ssa Menu Tastiera");
  await seedSts(email);
  const patient = await seedPatient(email, { firstName: "Rita", lastName: "Conti", codiceFiscale: uniqueCf() });
  await seedInvoices(email, {
    count: 2,
    patientId: patient.id,
    issueDate: "2026-11-03",
    paymentDate: "2026-11-03",
    paymentMethod: "carta",
  });

  for (const viewport of [
    { width: 1366, height: 900 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(viewport);
    await page.goto("/fatture");
    const first = stsCell(page, "1/2026").getByRole("button", { name: /Azioni STS/ });
    const second = stsCell(page, "2/2026").getByRole("button", { name: /Azioni STS/ });
    const firstPanel = stsCell(page, "1/2026").getByRole("list");
    const secondPanel = stsCell(page, "2/2026").getByRole("list");
    // A disclosure, not an ARIA menu without its keyboard model.
    await expect(page.getByRole("menu")).toHaveCount(0);

    // Keyboard: Enter opens, Tab walks every action in order, Esc closes and gives the focus back.
    await first.focus();
    await page.keyboard.press("Enter");
    await expect(first).toHaveAttribute("aria-expanded", "true");
    await expect(firstPanel).toBeVisible();
    for (const name of ["Invia ora", "Verifica idoneità", "Scarica XML", "Storico invii"]) {
      await page.keyboard.press("Tab");
      await expect(page.locator(":focus")).toHaveAccessibleName(name);
    }
    await page.keyboard.press("Escape");
    await expect(firstPanel).toBeHidden();
    await expect(first).toHaveAttribute("aria-expanded", "false");
    await expect(first).toBeFocused();

    // One at a time: opening the second closes the first.
    await first.click();
    await expect(firstPanel).toBeVisible();
    await second.click();
    await expect(secondPanel).toBeVisible();
    await expect(firstPanel).toBeHidden();
    await expect(page.getByRole("button", { name: "Invia ora", exact: true })).toHaveCount(1);
    if (viewport.width === 390) {
      await screenshot(page, "sts-row-menu-390");
    } else {
      await screenshot(page, "sts-row-menu-1366");
    }

    // An outside click closes it.
    await page.getByRole("heading", { name: "Fatture" }).click();
    await expect(secondPanel).toBeHidden();
    await expect(second).toHaveAttribute("aria-expanded", "false");

    // Tabbing past the last action closes it too, so nothing stays open behind the focus.
    await second.focus();
    await page.keyboard.press("Enter");
    for (let i = 0; i < 5; i++) await page.keyboard.press("Tab");
    await expect(secondPanel).toBeHidden();
  }

  // An action chosen with the keyboard runs, and the panel closes with the focus on its button.
  await page.setViewportSize({ width: 1366, height: 900 });
  const first = stsCell(page, "1/2026").getByRole("button", { name: /Azioni STS/ });
  await first.focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.locator(":focus")).toHaveAccessibleName("Verifica idoneità");
  await page.keyboard.press("Enter");
  // Said once: "Da inviare: Inserimento …", not "Da inviare — da inviare: …".
  await expect(stsCell(page, "1/2026").getByRole("status")).toHaveText(
    /^Da inviare: Inserimento del documento n\. 1\/2026 del 03\/11\/2026$/,
  );
  await expect(stsCell(page, "1/2026").getByRole("list")).toBeHidden();
  await expect(first).toBeFocused();
});
