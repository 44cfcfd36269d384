/** What the "Verifica credenziali" button shows: plain data that crosses from the server action to the browser. */
export type CredentialsCheckResult = {
  ok: boolean;
  message: string;
  fix: string | null;
  checkedAt: string;
  resumed: boolean;
};
