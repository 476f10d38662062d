// A run's logs: level filter, text search, follow (stay at the newest line) and download.
import { useEffect, useMemo, useRef, useState } from "react";
import { FlowRunLogsQuery } from "../api/documents";
import { useLive } from "../api/live";
import { ErrorBox } from "../components/ErrorBox";
import { formatTime } from "../format";

const LEVELS = ["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"];
const LIMIT = 5000;

export function Logs({ runId, runName, live }: { runId: string; runName: string; live: boolean }) {
  const [level, setLevel] = useState("DEBUG");
  const [search, setSearch] = useState("");
  const [follow, setFollow] = useState(true);
  const box = useRef<HTMLDivElement>(null);
  const variables = useMemo(() => ({
    limit: LIMIT,
    where: {
      flow_run_id: { _eq: runId },
      ...(level !== "DEBUG" ? { level: { _in: LEVELS.slice(LEVELS.indexOf(level)) } } : {}),
      ...(search.trim() ? { message: { _ilike: `%${search.trim()}%` } } : {}),
    },
  }), [runId, level, search]);
  const logs = useLive(FlowRunLogsQuery, variables, live);
  const lines = logs.data?.log ?? [];

  useEffect(() => {
    if (follow && box.current) box.current.scrollTop = box.current.scrollHeight;
  }, [lines.length, follow]);

  function download(): void {
    const text = lines.map((l) => `${l.timestamp}\t${l.level}\t${l.name ?? ""}\t${l.message ?? ""}`).join("\n");
    const url = URL.createObjectURL(new Blob([`${text}\n`], { type: "text/plain" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = `${runName || runId}-logs.txt`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  return (
    <section aria-labelledby="logs-title" className="stack">
      <h2 id="logs-title">Logs</h2>
      <div className="filters">
        <label>Level at least
          <select value={level} onChange={(e) => setLevel(e.target.value)} name="level" aria-label="Level at least">
            {LEVELS.map((l) => <option key={l}>{l}</option>)}
          </select>
        </label>
        <label>Search<input type="search" value={search} onChange={(e) => setSearch(e.target.value)} name="log-search" /></label>
        <label className="inline"><input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} /> Follow</label>
        <button type="button" onClick={download} disabled={lines.length === 0}>Download</button>
      </div>
      <ErrorBox error={logs.error} />
      <div className="logs" ref={box} tabIndex={0} role="log" aria-label="Log lines">
        {lines.length === 0 ? <p className="muted">{logs.data ? "No log lines." : "Loading…"}</p> : null}
        {lines.map((l) => (
          <div key={l.id} className={`logline level-${(l.level ?? "").toLowerCase()}`}>
            <time dateTime={l.timestamp ?? undefined}>{formatTime(l.timestamp)}</time>
            <span className="level">{l.level}</span>
            <span className="logger">{l.name}</span>
            <span className="message">{l.message}</span>
          </div>
        ))}
      </div>
      {lines.length >= LIMIT ? <p className="hint">Showing the first {LIMIT} lines; narrow the search or download.</p> : null}
    </section>
  );
}
