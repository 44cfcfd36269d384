import Link from "next/link";
import type { StsFix } from "@/lib/sts/codes";
import { fixTarget, type FixContext } from "@/lib/services/sts-log/fix-target";
import styles from "./sts-log.module.css";

export function FixLink({ fix, context }: { fix: StsFix; context?: FixContext }) {
  const target = fixTarget(fix, context);
  if (!target) return null;
  return (
    <p className={styles.fix}>
      {target.kind === "link" ? <Link href={target.href}>{target.label} →</Link> : target.text}
    </p>
  );
}
