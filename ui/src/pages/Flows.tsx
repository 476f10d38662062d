// Flows: every unarchived flow, searchable by name and filtered by project (both in the URL).
import { useMemo } from "react";
import { Link } from "wouter";
import { FlowsQuery } from "../api/documents";
import { useLive } from "../api/live";
import { ErrorBox } from "../components/ErrorBox";
import { StateBadge } from "../components/StateBadge";
import { useQueryParams } from "../urlstate";
import { TableWrap } from "../components/TableWrap";

export function FlowsPage() {
  const [params, update] = useQueryParams();
  const q = params.get("q") ?? "";
  const project = params.get("project") ?? "";
  const where = useMemo(() => ({
    archived: { _eq: false },
    ...(q ? { name: { _ilike: `%${q}%` } } : {}),
    ...(project ? { project_id: { _eq: project } } : {}),
  }), [q, project]);
  const flows = useLive(FlowsQuery, useMemo(() => ({ where }), [where]), false);
  const rows = flows.data?.flow;
  return (
    <div className="stack">
      <h1>Flows</h1>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label>
          Search by name
          <input type="search" value={q} onChange={(e) => update({ q: e.target.value })} name="q" />
        </label>
        <label>
          Project
          <select value={project} onChange={(e) => update({ project: e.target.value })} name="project" aria-label="Project">
            <option value="">All projects</option>
            {flows.data?.project.map((p) => <option key={p.id} value={p.id ?? ""}>{p.name}</option>)}
          </select>
        </label>
      </form>
      <ErrorBox error={flows.error} />
      <TableWrap label="Flows table">
        <table>
          <caption className="sr-only">Flows</caption>
          <thead>
            <tr><th scope="col">Name</th><th scope="col">Project</th><th scope="col">Version</th>
              <th scope="col">Schedule</th><th scope="col">Labels</th><th scope="col">Last runs</th></tr>
          </thead>
          <tbody>
            {rows?.map((f) => (
              <tr key={f.id}>
                <td><Link href={`/flows/${f.id}`}>{f.name}</Link></td>
                <td>{f.project?.name}</td>
                <td>{f.version}</td>
                <td>{f.schedule ? (f.is_schedule_active ? "On" : "Off") : "None"}</td>
                <td><Labels labels={f.labels} /></td>
                <td>
                  <span className="row tight">
                    {f.flow_runs.map((r) => (
                      <Link key={r.id} href={`/runs/${r.id}`} aria-label={`${r.name}: ${r.state}`}>
                        <StateBadge state={r.state} type={r.state_type} />
                      </Link>
                    ))}
                    {f.flow_runs.length === 0 ? <span className="muted">No runs yet</span> : null}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {rows && rows.length === 0 ? <p className="muted">No flows match. Register one with <code>flowrun register path.py:function</code>.</p> : null}
    </div>
  );
}

export function Labels({ labels }: { labels: unknown }) {
  const list = Array.isArray(labels) ? labels.map(String) : [];
  if (list.length === 0) return <span className="muted">—</span>;
  return <span className="row tight">{list.map((l) => <span key={l} className="chip">{l}</span>)}</span>;
}
