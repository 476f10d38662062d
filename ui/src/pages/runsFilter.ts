// The flow runs list's filters, read from and written to the URL's query string.
import type { FlowRunsQueryVariables } from "../gql/graphql";

export const PAGE_SIZE = 25;
export const SORTS = {
  scheduled_start_time: "Scheduled start",
  start_time: "Start",
  end_time: "End",
  name: "Name",
  state: "State",
} as const;
export type SortKey = keyof typeof SORTS;

type Where = FlowRunsQueryVariables["where"];

export interface RunFilters {
  states: string[];
  flow: string;
  project: string;
  label: string;
  since: string;
  until: string;
  q: string;
  sort: SortKey;
  desc: boolean;
  page: number;
}

export function readFilters(params: URLSearchParams): RunFilters {
  const sort = params.get("sort") ?? "";
  return {
    states: (params.get("state") ?? "").split(",").filter(Boolean),
    flow: params.get("flow") ?? "",
    project: params.get("project") ?? "",
    label: params.get("label") ?? "",
    since: params.get("since") ?? "",
    until: params.get("until") ?? "",
    q: params.get("q") ?? "",
    sort: sort in SORTS ? sort as SortKey : "scheduled_start_time",
    desc: params.get("dir") !== "asc",
    page: Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1),
  };
}

export function whereOf(f: RunFilters, fixedFlows: string[] | null): Where {
  const parts: Where[] = [];
  if (f.states.length) parts.push({ state_type: { _in: f.states } });
  if (fixedFlows) parts.push({ flow_id: { _in: fixedFlows } });
  else if (f.flow) parts.push({ flow_id: { _eq: f.flow } });
  if (f.project) parts.push({ flow: { project_id: { _eq: f.project } } });
  if (f.label) parts.push({ labels: { _contains: [f.label] } });
  if (f.since) parts.push({ scheduled_start_time: { _gte: f.since } });
  if (f.until) parts.push({ scheduled_start_time: { _lte: f.until } });
  if (f.q) parts.push({ name: { _ilike: `%${f.q}%` } });
  return parts.length === 1 ? parts[0] : { _and: parts };
}

export function variablesOf(f: RunFilters, fixedFlows: string[] | null): FlowRunsQueryVariables {
  const dir = f.desc ? "desc_nulls_last" : "asc_nulls_last";
  return {
    where: whereOf(f, fixedFlows),
    order_by: [{ [f.sort]: dir }, { id: "asc" }],
    limit: PAGE_SIZE,
    offset: (f.page - 1) * PAGE_SIZE,
  };
}

/** An ISO time as the value of an <input type="datetime-local"> in the browser's zone. */
export function toLocalInput(iso: string): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function fromLocalInput(value: string): string {
  return value ? new Date(value).toISOString() : "";
}
