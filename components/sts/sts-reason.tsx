import Link from "@/components/ui/link";
import { CREDENTIALS_MISSING_REASON } from "@/lib/domain/sts/eligibility";
import styles from "./sts.module.css";

// The grey dot's reason, written out beside it; the one an account-wide setting fixes links to that setting
// (not for an accountant, who cannot open the settings).
export function StsReason({ state, reason, readOnly }: { state: string; reason: string | null; readOnly?: boolean }) {
  if (state !== "not_eligible" || !reason) return null;
  if (reason === CREDENTIALS_MISSING_REASON && !readOnly) {
    return (
      <Link className={styles.reason} href="/impostazioni/sts">
        {reason}
      </Link>
    );
  }
  return (
    <span className={styles.reason} aria-hidden="true">
      {reason}
    </span>
  );
}
