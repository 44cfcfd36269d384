import Link from "@/components/ui/link";
import { db } from "@/lib/db";
import { findOpenDifferences } from "@/lib/data/sts-reconciliation";

// The differences the last "Verifica su STS" (by hand or nightly) left unfixed, per payment year.
export async function ReconciliationBanner({ practitionerId }: { practitionerId: string }) {
  const open = await findOpenDifferences(db(), practitionerId);
  if (open.length === 0) return null;
  return (
    <div className="card" role="region" aria-label="Differenze con il Sistema TS" data-testid="reconcile-banner">
      <strong>Il Sistema TS non contiene esattamente quello che hai fatturato</strong>
      <ul style={{ margin: "0.5rem 0 0", paddingLeft: "1.2rem" }}>
        {open.map((r) => (
          <li key={r.year}>
            Spese pagate nel {r.year}:{" "}
            <Link href={`/invii/verifica?anno=${r.year}`}>
              {r.differences === 1 ? "1 differenza da correggere" : `${r.differences} differenze da correggere`}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
