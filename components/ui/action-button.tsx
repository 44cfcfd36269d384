"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

type Outcome<T> = { ok: true; data: T } | { ok: false; message: string };

/**
 * A button that runs one server action, shows `busyLabel` while it runs and then, beside it, what happened (`done`
 * of the action's data, or the action's error message), and refreshes the page's data. "bar": the page's main
 * action, on a bar of its own; "inline": a small action on a row.
 */
export function ActionButton<T>(props: {
  action: () => Promise<Outcome<T>>;
  done: (data: T) => string;
  label: string;
  busyLabel: string;
  layout: "bar" | "inline";
  statusTestId?: string;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  async function run() {
    setBusy(true);
    setMessage(null);
    const result = await props.action();
    setBusy(false);
    setMessage(result.ok ? props.done(result.data) : result.message);
    router.refresh();
  }
  const Wrapper = props.layout === "bar" ? "div" : "span";
  return (
    <Wrapper className={props.layout === "bar" ? "reconcile-bar" : "reconcile-fix"}>
      <button
        type="button"
        className={props.layout === "bar" ? "btn btn-primary" : "btn"}
        disabled={busy}
        onClick={run}
      >
        {busy ? props.busyLabel : props.label}
      </button>
      <span role="status" className="muted" data-testid={props.statusTestId}>
        {message}
      </span>
    </Wrapper>
  );
}
