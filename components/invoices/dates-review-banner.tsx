import Link from "@/components/ui/link";
import { db } from "@/lib/db";
import { formatItalianDate } from "@/lib/domain/dates";
import { listDatesToReview } from "@/lib/services/invoices/dates-to-review";
import styles from "./invoices.module.css";

// Documents saved before today's date rules whose dates they refuse: each with what is wrong and a link to fix it.
export async function DatesReviewBanner({ practitionerId }: { practitionerId: string }) {
  const { total, items } = await listDatesToReview({ db: db(), practitionerId });
  if (total === 0) return null;
  return (
    <div className={styles.lockNotice} role="region" aria-label="Date da controllare" data-testid="dates-review">
      <strong>
        {total === 1 ? "Un documento ha date da controllare" : `${total} documenti hanno date da controllare`}
      </strong>
      <p>
        Una fattura datata nel futuro blocca la numerazione delle successive; un pagamento nel futuro non può andare al
        Sistema TS; un pagamento precedente alla fattura va confermato come anticipato.
      </p>
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <Link href={`/fatture/${item.id}`}>{item.label}</Link> del {formatItalianDate(item.issueDate)}:{" "}
            {item.problems.join("; ")}
          </li>
        ))}
      </ul>
      {total > items.length ? <p>…e altri {total - items.length}.</p> : null}
    </div>
  );
}
