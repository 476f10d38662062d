// Every change the UI makes to runs, in one module, so bulk and restart mutations added to
// the server later can replace these compositions without touching a page.
import type { Client, CombinedError } from "urql";
import {
  CancelFlowRunMutation,
  DeleteFlowRunMutation,
  SetFlowRunStatesMutation,
  SetTaskRunStatesMutation,
} from "./documents";

export interface RunVersion {
  id: string;
  version: number | null | undefined;
}

export interface TaskRunVersion {
  id?: string | null;
  version?: number | null;
  state_type?: string | null;
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

/** Run one action over many runs; the ids that failed come back with their errors. */
export async function eachRun(
  ids: string[], action: (id: string) => Promise<Outcome>,
): Promise<{ id: string; error: CombinedError | undefined }[]> {
  const results = await Promise.all(ids.map(async (id) => ({ id, result: await action(id) })));
  return results.flatMap(({ id, result }) => (result.ok ? [] : [{ id, error: result.error }]));
}

/**
 * Restart as Prefect Server v1's UI did: the run's failed task runs go back to Pending,
 * then the run goes to Scheduled (with the version the page showed) for an agent to pick up.
 */
export async function restartRun(
  client: Client, run: RunVersion, taskRuns: TaskRunVersion[],
): Promise<Outcome> {
  const failed = taskRuns.filter((t) => t.state_type === "FAILED" || t.state_type === "CRASHED");
  if (failed.length > 0) {
    const tasks = await client.mutation(SetTaskRunStatesMutation, {
      input: {
        states: failed.map((t) => ({
          task_run_id: t.id ?? "",
          version: t.version ?? null,
          state: { type: "Pending", message: "Restarted from the UI" },
        })),
      },
    }).toPromise();
    if (tasks.error) return outcome(tasks.error);
  }
  return markAs(client, [run], "Scheduled", "Restarted from the UI");
}
