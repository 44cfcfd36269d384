import { requirePractitionerPage } from "@/lib/auth/session";

export default async function HomePage() {
  const practitioner = await requirePractitionerPage();
  return (
    <>
      <h1>Benvenuto, {practitioner.name}</h1>
      <div className="card empty">
        <p>Non ci sono ancora fatture. Quando emetterai la prima, qui vedrai incassi e fatture da pagare.</p>
      </div>
    </>
  );
}
