// A run's state history: a proportional bar of the time spent in each state, then the list.
import { actorName, formatTime } from "../format";
import { StateBadge } from "./StateBadge";

export interface StateRow {
  id?: string | null;
  version?: number | null;
  state?: string | null;
  type?: string | null;
  message?: string | null;
  timestamp?: string | null;
  created_by?: unknown;
}

export function Timeline({ states, finished }: { states: StateRow[]; finished: boolean }) {
  const times = states.map((s) => new Date(s.timestamp ?? 0).getTime());
  const end = finished ? times[times.length - 1] : Date.now();
  const total = Math.max(1, end - (times[0] ?? end));
  const spans = states.map((s, i) => ({
    state: s,
    width: ((times[i + 1] ?? end) - times[i]) / total,
  }));
  return (
    <div className="stack">
      <div className="timeline-bar" aria-hidden="true">
        {spans.map(({ state, width }) => (
          <span key={state.id} className={`seg state-${(state.type ?? "").toLowerCase()}`}
            style={{ flexGrow: Math.max(width, 0.01) }} title={state.state ?? ""} />
        ))}
      </div>
      <ol className="timeline">
        {states.map((s) => (
          <li key={s.id}>
            <StateBadge state={s.state} type={s.type} />
            <time dateTime={s.timestamp ?? undefined}>{formatTime(s.timestamp)}</time>
            <span className="actor" title="Who set this state">by {actorName(s.created_by)}</span>
            {s.message ? <span className="message">{s.message}</span> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
