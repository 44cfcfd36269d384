import Link from "@/components/ui/link";
import type { StsFix } from "@/lib/sts/codes";
import { fixTarget, type FixContext } from "@/lib/presentation/sts-log/fix-target";
import styles from "./sts-log.module.css";

// Read-only (an accountant): the fix is said, not linked — the pages that fix things are the owner's.
export function FixLink({ fix, context, readOnly }: { fix: StsFix; context?: FixContext; readOnly?: boolean }) {
  const target = fixTarget(fix, context);
  if (!target) return null;
  return (
    <p className={styles.fix}>
      {target.kind !== "link" ? (
        target.text
      ) : readOnly ? (
        target.label
      ) : (
        <Link href={target.href}>{target.label} →</Link>
      )}
    </p>
  );
}
