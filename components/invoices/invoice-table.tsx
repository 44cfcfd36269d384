"use client";

import Link from "@/components/ui/link";
import { useState } from "react";
import { formatItalianDate } from "@/lib/domain/dates";
import { formatCents } from "@/lib/domain/money";
import { documentNumberLabel } from "@/lib/presentation/invoices/labels";
import type { InvoiceTableRow } from "@/lib/presentation/invoices/table-row";
import { StsDot } from "@/components/sts/sts-dot";
import { StsBulkActions } from "@/components/sts/sts-bulk-actions";
import { StsRowButton } from "@/components/sts/sts-row-button";
import { StsReason } from "@/components/sts/sts-reason";
import { StatusBadge } from "./status-badge";
import styles from "./invoices.module.css";

// Rows that get the yellow STS action button (to send, or red and retryable after a fix).
const SENDABLE = new Set(["to_send", "failed", "rejected"]);

// The invoice list with bulk selection and the bulk actions for the selected rows (read-only: export only).
export function InvoiceTable(props: { rows: InvoiceTableRow[]; readOnly?: boolean }) {
  const [selected, setSelected] = useState<string[]>([]);
  const allSelected = props.rows.length > 0 && selected.length === props.rows.length;
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  return (
    <>
      {selected.length > 0 ? (
        <div className={styles.bulkBar} role="region" aria-label="Azioni sulle fatture selezionate">
          <strong>{selected.length} selezionate</strong>
          {props.readOnly ? null : <StsBulkActions ids={selected} />}
          <a className="btn btn-secondary" href={`/fatture/esporta?ids=${selected.join(",")}`}>
            Esporta CSV
          </a>
          <button type="button" className="btn-link" onClick={() => setSelected([])}>
            Deseleziona
          </button>
        </div>
      ) : null}
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">
                <input
                  type="checkbox"
                  aria-label="Seleziona tutte le fatture della pagina"
                  checked={allSelected}
                  onChange={() => setSelected(allSelected ? [] : props.rows.map((r) => r.id))}
                />
              </th>
              <th scope="col">Numero</th>
              <th scope="col">Data</th>
              <th scope="col">Paziente</th>
              <th scope="col" className="num">
                Totale
              </th>
              <th scope="col">Stato</th>
              <th scope="col">STS</th>
              <th scope="col">
                <span className="visually-hidden">Azioni</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => {
              const number = documentNumberLabel(row);
              return (
                <tr key={row.id} data-testid="invoice-row">
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Seleziona ${number}`}
                      checked={selected.includes(row.id)}
                      onChange={() => toggle(row.id)}
                    />
                  </td>
                  <td>
                    <Link href={`/fatture/${row.id}`}>{number}</Link>
                  </td>
                  <td>{formatItalianDate(row.issueDate)}</td>
                  <td>{row.patientName}</td>
                  <td className="num">
                    {row.kind === "credit_note" ? `− ${formatCents(row.totalCents)}` : formatCents(row.totalCents)}
                  </td>
                  <td>
                    <StatusBadge {...row} />
                  </td>
                  <td data-testid="sts-cell">
                    <StsDot state={row.stsState} reason={row.stsReason} />
                    <StsReason state={row.stsState} reason={row.stsReason} readOnly={props.readOnly} />
                    {!props.readOnly && SENDABLE.has(row.stsState) ? (
                      <StsRowButton invoiceId={row.id} label={number} />
                    ) : null}
                  </td>
                  <td>
                    <a href={`/fatture/${row.id}/pdf`} className="btn-link">
                      PDF
                    </a>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
