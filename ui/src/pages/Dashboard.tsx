// Dashboard: runs by state over a window, run history, in progress, upcoming, failures, agents.
import { useMemo } from "react";
import { Link, useSearch, useLocation } from "wouter";
import { DashboardQuery, RunHistoryQuery } from "../api/documents";
import { useLive } from "../api/live";
import { ErrorBox } from "../components/ErrorBox";
import { bucketRuns, HistoryChart } from "../components/HistoryChart";
import { RunLine } from "../components/RunLink";
import { formatTime, relative, STATE_TYPES } from "../format";

const WINDOWS = { "1h": 3_600_000, "24h": 86_400_000, "7d": 604_800_000 } as const;
type WindowKey = keyof typeof WINDOWS;
const HISTORY_LIMIT = 10_000;
const STALE_AGENT_MS = 120_000;

function useWindow(): [WindowKey, (w: WindowKey) => void] {
  const search = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const raw = search.get("window");
  const key: WindowKey = raw === "1h" || raw === "7d" ? raw : "24h";
  return [key, (w) => navigate(`/?window=${w}`, { replace: true })];
}

export function Dashboard() {
  const [windowKey, setWindow] = useWindow();
  const minute = Math.floor(Date.now() / 60_000);
  const { since, until } = useMemo(() => {
    const end = (minute + 1) * 60_000;
    return { since: end - WINDOWS[windowKey], until: end };
  }, [windowKey, minute]);
  const sinceIso = new Date(since).toISOString();
  const variables = useMemo(() => ({
    since: sinceIso,
    window: { scheduled_start_time: { _gte: sinceIso } },
  }), [sinceIso]);
  const dashboard = useLive(DashboardQuery, variables, true);
  const history = useLive(RunHistoryQuery, useMemo(() => ({ since: sinceIso, limit: HISTORY_LIMIT }), [sinceIso]), true);
  const d = dashboard.data;
  const bucketed = useMemo(
    () => bucketRuns(history.data?.flow_run ?? [], since, until, windowKey === "1h" ? 12 : 24),
    [history.data, since, until, windowKey],
  );
  const finished = history.data?.flow_run.length ?? 0;

  return (
    <div className="stack">
      <div className="row between">
        <h1>Dashboard</h1>
        <div role="group" aria-label="Time window" className="segmented">
          {(Object.keys(WINDOWS) as WindowKey[]).map((w) => (
            <button type="button" key={w} aria-pressed={w === windowKey} onClick={() => setWindow(w)}>
              {w === "1h" ? "Last hour" : w === "24h" ? "Last 24 h" : "Last 7 days"}
            </button>
          ))}
        </div>
      </div>
      <ErrorBox error={dashboard.error} />
      <section aria-labelledby="by-state">
        <h2 id="by-state">Runs by state</h2>
        <ul className="tiles">
          {STATE_TYPES.map((type) => {
            const count = d?.[type.toLowerCase() as "scheduled"]?.aggregate.count;
            return (
              <li key={type} className={`tile state-${type.toLowerCase()}`}>
                <Link href={`/runs?state=${type}&since=${encodeURIComponent(sinceIso)}`}>
                  <span className="count">{count ?? "…"}</span>
                  <span className="label">{type.charAt(0) + type.slice(1).toLowerCase()}</span>
                </Link>
              </li>
            );
          })}
          <li className="tile late" title="Runs past their scheduled start that have not started">
            <span className="count" >{d?.late.aggregate.count ?? "…"}</span>
            <span className="label">Late</span>
          </li>
        </ul>
      </section>
      <section aria-labelledby="history">
        <h2 id="history">Run history</h2>
        <HistoryChart data={bucketed}
          summary={`Finished runs per time bucket: ${finished} runs since ${formatTime(sinceIso)}`} />
        {finished >= HISTORY_LIMIT ? <p className="hint">Showing the latest {HISTORY_LIMIT} finished runs.</p> : null}
      </section>
      <div className="grid2">
        <section aria-labelledby="in-progress">
          <h2 id="in-progress">In progress</h2>
          <RunList runs={d?.in_progress} empty="Nothing is running."
            detail={(r) => `started ${relative(r.start_time)}`} />
        </section>
        <section aria-labelledby="upcoming">
          <h2 id="upcoming">Upcoming</h2>
          <RunList runs={d?.upcoming} empty="No scheduled runs."
            detail={(r) => `due ${relative(r.scheduled_start_time)}`} />
        </section>
        <section aria-labelledby="failures">
          <h2 id="failures">Recent failures</h2>
          <RunList runs={d?.failures} empty="No failures in this window."
            detail={(r) => r.state_message ?? ""} />
        </section>
        <section aria-labelledby="agents">
          <h2 id="agents">Agents</h2>
          {d && d.agent.length === 0 ? <p className="muted">No agent has registered.</p> : null}
          <ul className="plain">
            {d?.agent.map((a) => {
              const stale = !a.last_queried || Date.now() - new Date(a.last_queried).getTime() > STALE_AGENT_MS;
              return (
                <li key={a.id} className="runline">
                  <span className={`badge ${stale ? "state-failed" : "state-completed"}`}>{stale ? "Stale" : "Healthy"}</span>
                  <span>{a.name ?? a.id}</span>
                  <span className="muted detail">last seen {relative(a.last_queried)}</span>
                </li>
              );
            })}
          </ul>
        </section>
      </div>
    </div>
  );
}

function RunList<R extends { id?: string | null }>({ runs, empty, detail }: {
  runs: R[] | undefined; empty: string; detail: (run: R) => string;
}) {
  if (!runs) return <p className="muted">Loading…</p>;
  if (runs.length === 0) return <p className="muted">{empty}</p>;
  return <ul className="plain">{runs.map((r) => <RunLine key={r.id} run={r} detail={detail(r)} />)}</ul>;
}
