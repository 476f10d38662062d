// Flow runs: filters in the URL, sortable, paged, bulk Cancel / Mark As / Delete.
import { useMemo, useState } from "react";
import { useClient } from "urql";
import { Link } from "wouter";
import { cancelRuns, deleteRuns, markRunsAs, type BulkOutcome } from "../api/actions";
import { FilterChoicesQuery, FlowRunsCountQuery, FlowRunsQuery } from "../api/documents";
import { apiErrors, explain } from "../api/errors";
import { useLive } from "../api/live";
import { ErrorBox } from "../components/ErrorBox";
import { ConfirmDialog, MarkAsDialog } from "../components/MarkAs";
import { StateBadge } from "../components/StateBadge";
import { duration, formatTime, isFinished, STATE_TYPES } from "../format";
import { useQueryParams } from "../urlstate";
import type { FlowRunsQuery as FlowRunsData } from "../gql/graphql";
import {
  fromLocalInput, PAGE_SIZE, readFilters, SORTS, toLocalInput, variablesOf, type RunFilters, type SortKey,
} from "./runsFilter";
import { TableWrap } from "../components/TableWrap";

export function FlowRunsPage() {
  return (
    <div className="stack">
      <h1>Flow runs</h1>
      <RunsTable fixedFlow={null} />
    </div>
  );
}

type Dialog = null | "cancel" | "delete" | "mark";

export function RunsTable({ fixedFlow }: { fixedFlow: string[] | null }) {
  const client = useClient();
  const [params, update] = useQueryParams();
  const filters = readFilters(params);
  const variables = useMemo(() => variablesOf(filters, fixedFlow), [params.toString(), fixedFlow?.join()]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<Dialog>(null);
  const [messages, setMessages] = useState<string[]>([]);
  const [notice, setNotice] = useState("");
  const rowsLive = useLive(FlowRunsQuery, variables, (data) => live(data?.flow_run));
  const rows = rowsLive.data?.flow_run;
  const countVariables = useMemo(() => ({ where: variables.where }), [variables]);
  const counted = useLive(FlowRunsCountQuery, countVariables, live(rows));
  const total = counted.data?.flow_run_aggregate.aggregate.count ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const chosen = (rows ?? []).filter((r) => r.id && selected.has(r.id));

  function toggle(id: string): void {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id); else next.add(id);
    setSelected(next);
  }
  /** Report one atomic bulk mutation: "N of M runs <verb>", and each skipped run's reason. */
  function report(result: BulkOutcome, verb: string): void {
    const names = new Map(chosen.map((r) => [r.id, r.name]));
    if (result.ok) {
      setMessages(result.skipped.map((s) => `${names.get(s.id) ?? s.id} (${s.state}): ${s.reason}`));
      setNotice(`${result.count} of ${chosen.length} runs ${verb}.`);
      setSelected(new Set());
    } else {
      setMessages(apiErrors(result.error).map(explain));
      setNotice("");
    }
    rowsLive.refetch();
    counted.refetch();
  }
  async function bulk(action: (ids: string[]) => Promise<BulkOutcome>, verb: string): Promise<void> {
    const result = await action(chosen.map((r) => r.id!));
    setDialog(null);
    report(result, verb);
  }
  function sortBy(key: SortKey): void {
    update({ sort: key, dir: filters.sort === key && filters.desc ? "asc" : null, page: null });
  }

  return (
    <div className="stack">
      <Filters fixedFlow={fixedFlow !== null} params={params} update={update} />
      <div className="row between">
        <p aria-live="polite">{rows ? `${total} run${total === 1 ? "" : "s"}` : "Loading…"}{notice ? ` · ${notice}` : ""}</p>
        <div className="row tight" role="toolbar" aria-label="Selected runs">
          <span className="muted">{chosen.length} selected</span>
          <button type="button" disabled={!chosen.length} onClick={() => setDialog("cancel")}>Cancel</button>
          <button type="button" disabled={!chosen.length} onClick={() => setDialog("mark")}>Mark As</button>
          <button type="button" className="danger" disabled={!chosen.length} onClick={() => setDialog("delete")}>Delete</button>
        </div>
      </div>
      <ErrorBox error={rowsLive.error} />
      <ErrorBox messages={messages} />
      <RunRows rows={rows} filters={filters} sortBy={sortBy} selected={selected}
        setSelected={setSelected} toggle={toggle} />
      {rows && rows.length === 0 ? <p className="muted">No runs match these filters.</p> : null}
      <nav className="row tight" aria-label="Pages">
        <button type="button" disabled={filters.page <= 1} onClick={() => update({ page: String(filters.page - 1) })}>Previous</button>
        <span>Page {filters.page} of {pages}</span>
        <button type="button" disabled={filters.page >= pages} onClick={() => update({ page: String(filters.page + 1) })}>Next</button>
      </nav>
      <ConfirmDialog open={dialog === "cancel"} title={`Cancel ${chosen.length} runs?`} confirm="Cancel runs"
        body="Running runs are stopped by their agent; scheduled runs will not start."
        onClose={() => setDialog(null)} onConfirm={() => bulk((ids) => cancelRuns(client, ids), "cancelled")} />
      <ConfirmDialog open={dialog === "delete"} title={`Delete ${chosen.length} runs?`} confirm="Delete runs"
        body="Their states, task runs and logs are deleted too. This cannot be undone."
        onClose={() => setDialog(null)} onConfirm={() => bulk((ids) => deleteRuns(client, ids), "deleted")} />
      <MarkAsDialog open={dialog === "mark"} count={chosen.length} onClose={() => setDialog(null)}
        onSubmit={async (state, reason) => {
          const result = await markRunsAs(client, chosen.map((r) => r.id!), state, reason);
          if (result.ok) report(result, `marked ${state}`);
          return result;
        }} />
    </div>
  );
}

function SortHeader({ k, filters, sortBy }: {
  k: SortKey; filters: RunFilters; sortBy: (k: SortKey) => void;
}) {
  const active = filters.sort === k;
  return (
    <th scope="col" aria-sort={active ? (filters.desc ? "descending" : "ascending") : "none"}>
      <button type="button" className="link" onClick={() => sortBy(k)}>
        {SORTS[k]}{active ? (filters.desc ? " ↓" : " ↑") : ""}
      </button>
    </th>
  );
}

function Filters({ fixedFlow, params, update }: {
  fixedFlow: boolean; params: URLSearchParams; update: (c: Record<string, string | null>) => void;
}) {
  const choices = useLive(FilterChoicesQuery, useMemo(() => ({}), []), false);
  const f = readFilters(params);
  const set = (changes: Record<string, string | null>): void => update({ ...changes, page: null });
  return (
    <form className="filters" role="search" aria-label="Filter runs" onSubmit={(e) => e.preventDefault()}>
      <fieldset className="states">
        <legend>State</legend>
        {STATE_TYPES.map((t) => (
          <label key={t} className="inline">
            <input type="checkbox" checked={f.states.includes(t)} onChange={(e) => set({
              state: (e.target.checked ? [...f.states, t] : f.states.filter((s) => s !== t)).join(","),
            })} /> {t.charAt(0) + t.slice(1).toLowerCase()}
          </label>
        ))}
      </fieldset>
      {fixedFlow ? null : (
        <label>Flow
          <select name="flow" aria-label="Flow" value={f.flow} onChange={(e) => set({ flow: e.target.value })}>
            <option value="">All flows</option>
            {choices.data?.flow.map((fl) => <option key={fl.id} value={fl.id ?? ""}>{fl.name}</option>)}
          </select>
        </label>
      )}
      {fixedFlow ? null : (
        <label>Project
          <select name="project" aria-label="Project" value={f.project} onChange={(e) => set({ project: e.target.value })}>
            <option value="">All projects</option>
            {choices.data?.project.map((p) => <option key={p.id} value={p.id ?? ""}>{p.name}</option>)}
          </select>
        </label>
      )}
      <label>Label<input name="label" value={f.label} onChange={(e) => set({ label: e.target.value })} /></label>
      <label>Scheduled after<input type="datetime-local" name="since" value={toLocalInput(f.since)}
        onChange={(e) => set({ since: fromLocalInput(e.target.value) })} /></label>
      <label>Scheduled before<input type="datetime-local" name="until" value={toLocalInput(f.until)}
        onChange={(e) => set({ until: fromLocalInput(e.target.value) })} /></label>
      <label>Name<input type="search" name="q" value={f.q} onChange={(e) => set({ q: e.target.value })} /></label>
    </form>
  );
}

type Row = NonNullable<FlowRunsData["flow_run"]>[number];

/** A list is live while one of its rows is unfinished. */
function live(rows: Row[] | undefined): boolean {
  return rows?.some((r) => !isFinished(r.state_type)) ?? false;
}

function RunRows({ rows, filters, sortBy, selected, setSelected, toggle }: {
  rows: Row[] | undefined;
  filters: RunFilters;
  sortBy: (key: SortKey) => void;
  selected: Set<string>;
  setSelected: (ids: Set<string>) => void;
  toggle: (id: string) => void;
}) {
  return (
    <TableWrap label="Flow runs table">
      <table className="runs">
        <caption className="sr-only">Flow runs, sorted by {SORTS[filters.sort]}</caption>
        <thead>
          <tr>
            <th scope="col"><input type="checkbox" aria-label="Select all runs on this page"
              checked={!!rows?.length && rows.every((r) => selected.has(r.id!))}
              onChange={(e) => setSelected(new Set(e.target.checked ? rows?.map((r) => r.id!) : []))} /></th>
            {(["name", "state"] as SortKey[]).map((k) => <SortHeader key={k} k={k} filters={filters} sortBy={sortBy} />)}
            <th scope="col">Flow</th>
            {(["scheduled_start_time", "start_time"] as SortKey[]).map((k) => <SortHeader key={k} k={k} filters={filters} sortBy={sortBy} />)}
            <th scope="col">Duration</th>
          </tr>
        </thead>
        <tbody>
          {rows?.map((r) => (
            <tr key={r.id}>
              <td><input type="checkbox" aria-label={`Select ${r.name}`} checked={selected.has(r.id!)} onChange={() => toggle(r.id!)} /></td>
              <td><Link href={`/runs/${r.id}`}>{r.name}</Link></td>
              <td><StateBadge state={r.state} type={r.state_type} /></td>
              <td>{r.flow ? <Link href={`/flows/${r.flow.id}`}>{r.flow.name}</Link> : null}</td>
              <td>{formatTime(r.scheduled_start_time)}</td>
              <td>{formatTime(r.start_time)}</td>
              <td>{duration(r.start_time, r.end_time)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
