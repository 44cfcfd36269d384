import Link from "next/link";
import { CREDENTIALS_MISSING_REASON } from "@/lib/domain/sts/eligibility";
import styles from "./sts.module.css";

// The grey dot's reason, written out beside it; the one an account-wide setting fixes links to that setting.
export function StsReason({ state, reason }: { state: string; reason: string | null }) {
  if (state !== "not_eligible" || !reason) return null;
  if (reason === CREDENTIALS_MISSING_REASON) {
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
