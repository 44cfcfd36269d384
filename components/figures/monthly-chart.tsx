import { formatCents } from "@/lib/domain/money";
import { MONTH_NAMES } from "@/lib/presentation/figures/figures-summary";

const W = 720;
const H = 260;
const PAD = { left: 16, right: 16, top: 24, bottom: 36 };

// The monthly net fees as bars, drawn on the server as an SVG picture (scales to the screen's width; the table
// below it gives the same numbers to screen readers and to whoever wants them exact).
export function MonthlyChart({ year, months }: { year: number; months: { month: number; feesCents: number }[] }) {
  const max = Math.max(1, ...months.map((m) => m.feesCents));
  const slot = (W - PAD.left - PAD.right) / 12;
  const plot = H - PAD.top - PAD.bottom;
  const total = months.reduce((s, m) => s + m.feesCents, 0);
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={`Compensi netti incassati per mese nel ${year}: in tutto ${formatCents(total)}`}
      style={{ width: "100%", height: "auto", maxWidth: W }}
      data-testid="monthly-chart"
    >
      <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} stroke="#888" />
      {months.map((m, i) => {
        const height = m.feesCents > 0 ? (m.feesCents / max) * plot : 0;
        const x = PAD.left + i * slot + 6;
        const y = H - PAD.bottom - height;
        return (
          <g key={m.month}>
            {height > 0 ? <rect x={x} y={y} width={slot - 12} height={height} fill="#1f5f99" rx={2} /> : null}
            {m.feesCents !== 0 ? (
              <text x={x + (slot - 12) / 2} y={y - 6} fontSize={11} textAnchor="middle" fill="#222">
                {Math.round(m.feesCents / 100).toLocaleString("it-IT")}
              </text>
            ) : null}
            <text x={x + (slot - 12) / 2} y={H - PAD.bottom + 18} fontSize={12} textAnchor="middle" fill="#222">
              {MONTH_NAMES[m.month - 1].slice(0, 3)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
