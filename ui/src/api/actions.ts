// Every change the UI makes to runs, in one module. Bulk actions and Restart are single atomic
// server mutations: a bulk action changes what it can and reports the runs it skipped.
import type { Client, CombinedError } from "urql";
import {
  CancelFlowRunMutation,
  CancelFlowRunsMutation,
  DeleteFlowRunMutation,
  DeleteFlowRunsMutation,
  RestartFlowRunMutation,
  SetFlowRunStatesByFilterMutation,
  SetFlowRunStatesMutation,
} from "./documents";

export interface RunVersion {
  id: string;
  version: number | null | undefined;
}

export type Outcome = { ok: true } | { ok: false; error: CombinedError | undefined };

function outcome(error: CombinedError | undefined): Outcome {
  return error ? { ok: false, error } : { ok: true };
}

/** Mark runs as a state, with the versions the page showed (all or nothing). */
export async function markAs(
  client: Client, runs: RunVersion[], state: string, reason: string,
): Promise<Outcome> {
  const message = reason.trim() || `Marked as ${state} in the UI`;
  const result = await client.mutation(SetFlowRunStatesMutation, {
    input: {
      states: runs.map((run) => ({
        flow_run_id: run.id,
        version: run.version ?? null,
        state: { type: state, message },
      })),
    },
  }).toPromise();
  return outcome(result.error);
}

export async function cancelRun(client: Client, id: string): Promise<Outcome> {
  const result = await client.mutation(CancelFlowRunMutation, { input: { flow_run_id: id } })
    .toPromise();
  return outcome(result.error);
}

export async function deleteRun(client: Client, id: string): Promise<Outcome> {
  const result = await client.mutation(DeleteFlowRunMutation, { input: { flow_run_id: id } })
    .toPromise();
  if (result.error) return outcome(result.error);
  const payload = result.data?.delete_flow_run;
  return payload?.success ? { ok: true } : { ok: false, error: undefined };
}

export interface Skipped { id: string; state: string; reason: string }

/** What one atomic bulk mutation did: how many runs it changed and which it left, and why. */
export type BulkOutcome =
  | { ok: true; count: number; skipped: Skipped[] }
  | { ok: false; error: CombinedError | undefined };

interface BulkPayload { count: number; skipped: Skipped[] }

function bulkOutcome(error: CombinedError | undefined, payload: BulkPayload | undefined): BulkOutcome {
  if (error || !payload) return { ok: false, error };
  return { ok: true, count: payload.count, skipped: payload.skipped };
}

const byIds = (ids: string[]) => ({ where: { id: { _in: ids } } });

/** Cancel the runs in one transaction; finished ones come back as skipped. */
export async function cancelRuns(client: Client, ids: string[]): Promise<BulkOutcome> {
  const result = await client.mutation(CancelFlowRunsMutation, { input: byIds(ids) }).toPromise();
  return bulkOutcome(result.error, result.data?.cancel_flow_runs);
}

export async function deleteRuns(client: Client, ids: string[]): Promise<BulkOutcome> {
  const result = await client.mutation(DeleteFlowRunsMutation, { input: byIds(ids) }).toPromise();
  return bulkOutcome(result.error, result.data?.delete_flow_runs);
}

export async function markRunsAs(
  client: Client, ids: string[], state: string, reason: string,
): Promise<BulkOutcome> {
  const message = reason.trim() || `Marked as ${state} in the UI`;
  const result = await client.mutation(SetFlowRunStatesByFilterMutation, {
    input: { ...byIds(ids), state: { type: state, message } },
  }).toPromise();
  return bulkOutcome(result.error, result.data?.set_flow_run_states_by_filter);
}

/**
 * Restart in one server transaction: failed task runs back to Pending, the run to Scheduled,
 * refused when the run moved past the version the page showed.
 */
export async function restartRun(client: Client, run: RunVersion): Promise<Outcome> {
  const result = await client.mutation(RestartFlowRunMutation, {
    input: { flow_run_id: run.id, version: run.version ?? 0 },
  }).toPromise();
  return outcome(result.error);
}
