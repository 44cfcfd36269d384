import { env } from "@/lib/env";

const ENVIRONMENTS = {
  simulator: {
    label: "Simulatore",
    className: "badge badge-warning",
    description: "Simulatore locale: le fatture non arrivano al vero Sistema Tessera Sanitaria.",
  },
  test: {
    label: "Test",
    className: "badge badge-info",
    description: "Ambiente di prova del Sistema Tessera Sanitaria: gli invii non hanno valore fiscale.",
  },
  production: {
    label: "Produzione",
    className: "badge badge-success",
    description: "Sistema Tessera Sanitaria reale: gli invii hanno valore fiscale.",
  },
} as const;

// Which STS the app talks to, read from the server's configuration: the practitioner must never mistake the simulator
// for the real service (docs/STS.md, "Environments"). `detailed` adds the one-line explanation beside the badge.
export function EnvironmentBadge({ detailed = false }: { detailed?: boolean }) {
  const name = env().STS_ENVIRONMENT;
  const e = ENVIRONMENTS[name];
  return (
    <span
      data-testid="sts-environment"
      data-environment={name}
      style={{ display: "inline-flex", flexWrap: "wrap", gap: "0.4rem", alignItems: "baseline" }}
    >
      <span className={e.className} title={e.description}>
        STS: {e.label}
      </span>
      {detailed ? <span>{e.description}</span> : <span className="visually-hidden">{e.description}</span>}
    </span>
  );
}
