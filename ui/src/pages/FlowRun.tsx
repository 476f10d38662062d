// The flow run page: details, state timeline, task runs, logs, and the actions.
import { useMemo, useState } from "react";
import { useClient } from "urql";
import { Link, useLocation, useParams } from "wouter";
import { cancelRun, deleteRun, markAs, restartRun, type Outcome } from "../api/actions";
import { FlowRunQuery } from "../api/documents";
import { useLive } from "../api/live";
import { ErrorBox } from "../components/ErrorBox";
import { ConfirmDialog, MarkAsDialog } from "../components/MarkAs";
import { StateBadge } from "../components/StateBadge";
import { Timeline } from "../components/Timeline";
import { actorName, duration, formatTime, isFinished, pretty } from "../format";
import type { FlowRunQuery as FlowRunData } from "../gql/graphql";
import { Labels } from "./Flows";
import { Logs } from "./Logs";
import { TableWrap } from "../components/TableWrap";

type Run = NonNullable<FlowRunData["flow_run_by_pk"]>;
type Dialog = null | "mark" | "cancel" | "restart" | "delete";

export function FlowRunPage() {
  const { id } = useParams<{ id: string }>();
  const query = useLive(FlowRunQuery, useMemo(() => ({ id }), [id]),
    (data) => !!data?.flow_run_by_pk && !isFinished(data.flow_run_by_pk.state_type));
  const run = query.data?.flow_run_by_pk;
  if (query.error && !query.data) return <ErrorBox error={query.error} />;
  if (!query.data) return <p className="muted">Loading…</p>;
  if (!run) return <><h1>Flow run not found</h1><p>It may have been deleted. <Link href="/runs">All flow runs</Link></p></>;
  return <RunView run={run} refetch={query.refetch} mode={query.mode} />;
}

function RunView({ run, refetch, mode }: { run: Run; refetch: () => void; mode: string }) {
  const client = useClient();
  const [, navigate] = useLocation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [shownVersion, setShownVersion] = useState<number | null | undefined>(run.version);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const finished = isFinished(run.state_type);
  const canRestart = ["FAILED", "CRASHED", "CANCELLED"].includes(run.state_type ?? "");

  function open(which: Dialog): void {
    setShownVersion(run.version);
    setOutcome(null);
    setDialog(which);
  }
  async function act(action: () => Promise<Outcome>): Promise<Outcome> {
    const result = await action();
    setOutcome(result);
    refetch();
    if (result.ok) setDialog(null);
    return result;
  }

  return (
    <div className="stack">
      <div>
        <p className="crumbs"><Link href="/runs">Flow runs</Link> / {run.flow ? <Link href={`/flows/${run.flow.id}`}>{run.flow.name}</Link> : null}</p>
        <div className="row between wrap">
          <h1>{run.name} <StateBadge state={run.state} type={run.state_type} />
            {run.late ? <span className="badge late" title="Past its scheduled start and not yet running">Late</span> : null}</h1>
          <div className="row tight" role="toolbar" aria-label="Run actions">
            <button type="button" onClick={() => open("mark")}>Mark As</button>
            <button type="button" onClick={() => open("cancel")} disabled={finished}>Cancel</button>
            <button type="button" onClick={() => open("restart")} disabled={!canRestart}>Restart</button>
            <button type="button" className="danger" onClick={() => open("delete")}>Delete</button>
          </div>
        </div>
        {run.state_message ? <p className="state-message">{run.state_message}</p> : null}
        {run.wait_reason ? <p className="wait-reason" role="status">Waiting: {run.wait_reason}</p> : null}
        {outcome && !outcome.ok && dialog === null ? <ErrorBox error={outcome.error} /> : null}
        <p className="muted small" aria-live="polite">{finished ? "Finished." : mode === "subscription" ? "Live." : "Updating every few seconds."}</p>
      </div>
      <RunDetails run={run} />
      <section aria-labelledby="history-title">
        <h2 id="history-title">State history</h2>
        <Timeline states={run.states} finished={finished} />
      </section>
      <TaskRuns run={run} />
      <div className="grid2">
        <section aria-labelledby="params-title"><h2 id="params-title">Parameters</h2><pre className="code">{pretty(run.parameters)}</pre></section>
        <section aria-labelledby="context-title"><h2 id="context-title">Context</h2><pre className="code">{pretty(run.context)}</pre></section>
      </div>
      <Logs runId={run.id!} runName={run.name ?? ""} live={!finished} />
      <MarkAsDialog open={dialog === "mark"} count={1} onClose={() => setDialog(null)}
        onSubmit={(state, reason) => act(() => markAs(client, [{ id: run.id!, version: shownVersion }], state, reason))} />
      <ConfirmDialog open={dialog === "cancel"} title="Cancel this run?" confirm="Cancel run"
        body="A running run is stopped by its agent; a scheduled run will not start."
        onClose={() => setDialog(null)} onConfirm={async () => { await act(() => cancelRun(client, run.id!)); }} />
      <ConfirmDialog open={dialog === "restart"} title="Restart this run?" confirm="Restart"
        body="Its failed task runs go back to Pending and the run to Scheduled, for an agent to pick up."
        onClose={() => setDialog(null)}
        onConfirm={async () => { await act(() => restartRun(client, { id: run.id!, version: shownVersion })); }} />
      <ConfirmDialog open={dialog === "delete"} title="Delete this run?" confirm="Delete run"
        body="Its states, task runs and logs are deleted too. This cannot be undone."
        onClose={() => setDialog(null)}
        onConfirm={async () => { const r = await deleteRun(client, run.id!); if (r.ok) navigate("/runs"); else setOutcome(r); setDialog(null); }} />
    </div>
  );
}

function RunDetails({ run }: { run: Run }) {
  return (
    <dl className="details">
      <dt>Flow</dt><dd>{run.flow?.name} v{run.flow?.version} ({run.flow?.project?.name})</dd>
      <dt>Scheduled</dt><dd>{formatTime(run.scheduled_start_time)}</dd>
      <dt>Started</dt><dd>{formatTime(run.start_time)}</dd>
      <dt>Ended</dt><dd>{formatTime(run.end_time)}</dd>
      <dt>Duration</dt><dd>{duration(run.start_time, run.end_time)}</dd>
      <dt>Labels</dt><dd><Labels labels={run.labels} /></dd>
      <dt>Version</dt><dd>{run.version}</dd>
      <dt>Created by</dt><dd>{actorName(run.created_by)}</dd>
      {run.idempotency_key ? <><dt>Idempotency key</dt><dd><code>{run.idempotency_key}</code></dd></> : null}
    </dl>
  );
}

function TaskRuns({ run }: { run: Run }) {
  return (
    <section aria-labelledby="tasks-title">
      <h2 id="tasks-title">Task runs</h2>
      {run.task_runs.length === 0 ? <p className="muted">This flow has no tasks.</p> : (
        <TableWrap label="Task runs table"><table>
          <thead><tr><th scope="col">Task</th><th scope="col">State</th><th scope="col">Started</th><th scope="col">Duration</th><th scope="col">Message</th></tr></thead>
          <tbody>{run.task_runs.map((t) => (
            <tr key={t.id}>
              <td>{t.name || t.task?.name}{t.map_index !== null && t.map_index !== -1 ? ` [${t.map_index}]` : ""}</td>
              <td><StateBadge state={t.state} type={t.state_type} /></td>
              <td>{formatTime(t.start_time)}</td>
              <td>{duration(t.start_time, t.end_time)}</td>
              <td>{t.state_message}</td>
            </tr>
          ))}</tbody>
        </table></TableWrap>
      )}
    </section>
  );
}
