import { expect, type Page } from "@playwright/test";

/** The owner creates an invitation in Impostazioni → Commercialista and copies its link. */
export async function createInvitationLink(page: Page): Promise<string> {
  await page.goto("/impostazioni/commercialista");
  await page.getByRole("button", { name: "Crea link di invito" }).click();
  const field = page.getByLabel(/Link di invito/);
  await expect(field).toHaveValue(/\/invito\//);
  return new URL(await field.inputValue()).pathname;
}

/** The accountant, logged in with their own account, opens the link and accepts: the practice opens read-only. */
export async function acceptInvitationLink(page: Page, path: string, practiceName: string) {
  await page.goto(path);
  await expect(page.getByText(`${practiceName} ti invita`)).toBeVisible();
  await page.getByRole("button", { name: `Accetta e apri lo studio di ${practiceName}` }).click();
  await expect(page).toHaveURL(/\/fatture$/);
  // Attached, not visible: on a phone the sidebar is behind the menu.
  await expect(page.getByTestId("accountant-name")).toBeAttached();
}
