// The flow page: overview, its runs, and the Run tab.
import { useMemo } from "react";
import { Link, useParams } from "wouter";
import { FlowQuery } from "../api/documents";
import { useLive } from "../api/live";
import { ErrorBox } from "../components/ErrorBox";
import type { Declared } from "../components/ParamForm";
import { formatTime, pretty } from "../format";
import { Labels } from "./Flows";
import { RunsTable } from "./FlowRuns";
import { RunForm } from "./RunForm";
import type { FlowQuery as FlowQueryData } from "../gql/graphql";
import { TableWrap } from "../components/TableWrap";

const TABS = [["", "Overview"], ["runs", "Runs"], ["run", "Run"]] as const;

export function FlowPage() {
  const { id, tab = "" } = useParams<{ id: string; tab?: string }>();
  const flowQuery = useLive(FlowQuery, useMemo(() => ({ id }), [id]), false);
  const flow = flowQuery.data?.flow_by_pk;
  if (flowQuery.error) return <ErrorBox error={flowQuery.error} />;
  if (!flowQuery.data) return <p className="muted">Loading…</p>;
  if (!flow) return <><h1>Flow not found</h1><p>No flow has the id {id}. <Link href="/flows">All flows</Link></p></>;
  return (
    <div className="stack">
      <div>
        <p className="crumbs"><Link href="/flows">Flows</Link> / {flow.project?.name}</p>
        <h1>{flow.name} <span className="muted">v{flow.version}</span></h1>
        {flow.archived ? <p className="warning">This version is archived; a newer version runs instead.</p> : null}
      </div>
      <nav className="tabs" aria-label="Flow sections">
        {TABS.map(([path, label]) => (
          <Link key={path} href={`/flows/${id}${path ? `/${path}` : ""}`} aria-current={tab === path ? "page" : undefined}>{label}</Link>
        ))}
      </nav>
      {tab === "run" ? <RunForm key={flow.id} flow={flow} /> : null}
      {tab === "runs" ? <RunsTable fixedFlow={flow.flow_group?.flows.map((f) => f.id ?? "") ?? [id]} /> : null}
      {tab === "" ? <Overview flow={flow} /> : null}
    </div>
  );
}

type FlowData = NonNullable<FlowQueryData["flow_by_pk"]>;

function Overview({ flow }: { flow: FlowData }) {
  const params = Array.isArray(flow.parameters) ? flow.parameters as Declared[] : [];
  return (
    <div className="stack">
      <p>{flow.description || <span className="muted">No description.</span>}</p>
      <dl className="details">
        <dt>Project</dt><dd>{flow.project?.name}</dd>
        <dt>Labels</dt><dd><Labels labels={flow.labels} /></dd>
        <dt>Schedule</dt><dd>{flow.schedule ? `${flow.is_schedule_active ? "On" : "Off"}: ${describeSchedule(flow.schedule)}` : "None"}</dd>
        <dt>Registered</dt><dd>{formatTime(flow.created)}</dd>
      </dl>
      <h2>Parameters</h2>
      {params.length === 0 ? <p className="muted">None.</p> : (
        <TableWrap label="Parameters table"><table>
          <thead><tr><th scope="col">Name</th><th scope="col">Required</th><th scope="col">Default</th></tr></thead>
          <tbody>{params.map((p) => (
            <tr key={p.name}><td><code>{p.name}</code></td><td>{p.required ? "yes" : "no"}</td>
              <td><code>{p.required ? "—" : JSON.stringify(p.default ?? null)}</code></td></tr>
          ))}</tbody>
        </table></TableWrap>
      )}
      <h2>Versions</h2>
      <ul className="plain">
        {flow.flow_group?.flows.map((v) => (
          <li key={v.id}><Link href={`/flows/${v.id}`}>Version {v.version}</Link>
            <span className="muted"> {v.archived ? "archived" : "current"}, {formatTime(v.created)}</span></li>
        ))}
      </ul>
      <p><Link href={`/flows/${flow.id}/run`} className="button primary">Run this flow</Link></p>
    </div>
  );
}

function describeSchedule(schedule: unknown): string {
  const clocks = (schedule as { clocks?: Record<string, unknown>[] } | null)?.clocks;
  if (!Array.isArray(clocks)) return pretty(schedule);
  return clocks.map((c) => (c.cron ? `cron ${String(c.cron)}` : c.interval
    ? `every ${Number(c.interval) / 1_000_000} s` : String(c.type))).join("; ");
}
