import { Link } from "wouter";
import { StateBadge } from "./StateBadge";

export interface RunSummary {
  id?: string | null;
  name?: string | null;
  state?: string | null;
  state_type?: string | null;
  flow?: { id?: string | null; name?: string | null } | null;
}

export function RunLine({ run, detail }: { run: RunSummary; detail?: string }) {
  return (
    <li className="runline">
      <StateBadge state={run.state} type={run.state_type} />
      <Link href={`/runs/${run.id}`}>{run.name}</Link>
      {run.flow ? <span className="muted"> of {run.flow.name}</span> : null}
      {detail ? <span className="muted detail"> {detail}</span> : null}
    </li>
  );
}
