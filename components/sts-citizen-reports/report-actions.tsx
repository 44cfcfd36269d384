"use client";

import { checkCitizenReportsAction, markCitizenReportHandledAction } from "@/app/(app)/invii/segnalazioni/actions";
import { ActionButton } from "@/components/ui/action-button";

export function CheckNowButton() {
  return (
    <ActionButton
      layout="bar"
      action={checkCitizenReportsAction}
      done={({ stored }) =>
        stored === 0
          ? "Nessuna nuova segnalazione."
          : stored === 1
            ? "1 nuova segnalazione."
            : `${stored} nuove segnalazioni.`
      }
      label="Controlla ora"
      busyLabel="Controllo in corso…"
      statusTestId="citizen-check-result"
    />
  );
}

export function MarkHandledButton({ reportId }: { reportId: string }) {
  return (
    <ActionButton
      layout="inline"
      action={() => markCitizenReportHandledAction(reportId)}
      done={() => "Segnata come gestita."}
      label="Segna come gestita"
      busyLabel="Attendi…"
    />
  );
}
