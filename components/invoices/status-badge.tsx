import { documentStatusLabel } from "@/lib/presentation/invoices/labels";

const TONES: Record<string, string> = {
  Bozza: "badge-info",
  Annullata: "badge-danger",
  "Da pagare": "badge-warning",
  Pagata: "badge-success",
  Emessa: "badge-success",
};

export function StatusBadge(props: {
  kind: string;
  status: string;
  number: number | null;
  year: number | null;
  paymentDate: string | null;
}) {
  const label = documentStatusLabel(props);
  return <span className={`badge ${TONES[label] ?? "badge-info"}`}>{label}</span>;
}
