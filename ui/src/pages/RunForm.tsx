// The flow page's Run tab: parameters, context, name, labels, start time, idempotency key.
import { useMemo, useState, type FormEvent } from "react";
import { useClient, type CombinedError } from "urql";
import { useLocation } from "wouter";
import { CreateFlowRunMutation } from "../api/documents";
import { apiErrors, fieldErrors } from "../api/errors";
import { fieldsOf, initialText, ParamInput, readValues, type Declared } from "../components/ParamForm";
import { ErrorBox } from "../components/ErrorBox";
import { randomRunName, TIME_ZONE } from "../format";

export interface RunnableFlow {
  id?: string | null;
  parameters?: unknown;
  parameter_schema?: unknown;
  labels?: unknown;
  flow_group?: { labels?: unknown; default_parameters?: unknown } | null;
}

function defaultsOf(flow: RunnableFlow, declared: Declared[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const d of declared) if ("default" in d && !d.required) out[d.name] = d.default;
  const group = flow.flow_group?.default_parameters;
  if (group && typeof group === "object") Object.assign(out, group);
  return out;
}

function labelsOf(flow: RunnableFlow): string {
  const group = flow.flow_group?.labels;
  const labels = Array.isArray(group) && group.length > 0 ? group : flow.labels;
  return Array.isArray(labels) ? labels.join(", ") : "";
}

export function RunForm({ flow }: { flow: RunnableFlow }) {
  const client = useClient();
  const [, navigate] = useLocation();
  const declared = useMemo(() => (Array.isArray(flow.parameters) ? flow.parameters as Declared[] : []), [flow]);
  const fields = useMemo(() => fieldsOf(declared, flow.parameter_schema), [declared, flow]);
  const defaults = useMemo(() => defaultsOf(flow, declared), [flow, declared]);
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map((f) => [f.name, initialText(f, defaults[f.name])])));
  const [name, setName] = useState(randomRunName);
  const [labels, setLabels] = useState(() => labelsOf(flow));
  const [context, setContext] = useState("{}");
  const [when, setWhen] = useState<"now" | "later">("now");
  const [at, setAt] = useState("");
  const [key, setKey] = useState("");
  const [local, setLocal] = useState<Record<string, string>>({});
  const [error, setError] = useState<CombinedError | undefined>();
  const [busy, setBusy] = useState(false);
  const server = fieldErrors(apiErrors(error), fields.map((f) => f.name));
  const errorsFor = (field: string): string[] => [...(local[field] ? [local[field]] : []), ...(server[field] ?? [])];

  function collect(): Record<string, unknown> | null {
    const { values, errors } = readValues(fields, texts);
    const problems: Record<string, string> = Object.fromEntries(
      Object.entries(errors).map(([k, v]) => [`param:${k}`, v]));
    let parsedContext: unknown = {};
    try {
      parsedContext = JSON.parse(context || "{}");
    } catch {
      problems.context = "Context must be valid JSON (an object).";
    }
    if (when === "later" && !at) problems.scheduled_start_time = "Choose a start time.";
    setLocal(problems);
    if (Object.keys(problems).length > 0) return null;
    return {
      flow_id: flow.id,
      parameters: values,
      context: parsedContext,
      flow_run_name: name.trim() || null,
      labels: labels.split(",").map((l) => l.trim()).filter(Boolean),
      scheduled_start_time: when === "later" ? new Date(at).toISOString() : null,
      idempotency_key: key.trim() || null,
    };
  }

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const input = collect();
    setError(undefined);
    if (!input) return;
    setBusy(true);
    const result = await client.mutation(CreateFlowRunMutation, { input }).toPromise();
    setBusy(false);
    if (result.error) return setError(result.error);
    const id = result.data?.create_flow_run.id;
    if (id) navigate(`/runs/${id}`);
  }

  return (
    <form onSubmit={(e) => void submit(e)} className="stack runform" noValidate>
      <fieldset>
        <legend>Parameters</legend>
        {fields.length === 0 ? <p className="muted">This flow takes no parameters.</p> : null}
        {fields.map((f) => (
          <ParamInput key={f.name} field={f} text={texts[f.name] ?? ""} errors={errorsFor(`param:${f.name}`)}
            onChange={(t) => setTexts({ ...texts, [f.name]: t })} />
        ))}
        <FieldErrors messages={errorsFor("parameters")} />
      </fieldset>
      <fieldset>
        <legend>Run</legend>
        <div className="field">
          <label htmlFor="run-name">Run name</label>
          <div className="row tight">
            <input id="run-name" value={name} onChange={(e) => setName(e.target.value)} />
            <button type="button" onClick={() => setName(randomRunName())}>Another name</button>
          </div>
          <FieldErrors messages={errorsFor("flow_run_name")} />
        </div>
        <div className="field">
          <label htmlFor="run-labels">Labels (comma-separated)</label>
          <input id="run-labels" value={labels} onChange={(e) => setLabels(e.target.value)} />
          <FieldErrors messages={errorsFor("labels")} />
        </div>
        <div className="field" role="radiogroup" aria-labelledby="start-label">
          <span id="start-label" className="label">Start</span>
          <label className="inline"><input type="radio" name="when" checked={when === "now"} onChange={() => setWhen("now")} /> Now</label>
          <label className="inline"><input type="radio" name="when" checked={when === "later"} onChange={() => setWhen("later")} /> At a time</label>
          {when === "later" ? (
            <label className="block">
              Start time (your time zone: {TIME_ZONE})
              <input type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} step={1} />
            </label>
          ) : null}
          <FieldErrors messages={errorsFor("scheduled_start_time")} />
        </div>
        <div className="field">
          <label htmlFor="run-context">Context (JSON)</label>
          <textarea id="run-context" className="code" rows={3} value={context} spellCheck={false}
            onChange={(e) => setContext(e.target.value)} />
          <FieldErrors messages={errorsFor("context")} />
        </div>
        <div className="field">
          <label htmlFor="run-key">Idempotency key (optional)</label>
          <input id="run-key" value={key} onChange={(e) => setKey(e.target.value)} />
          <p className="hint">The same key within 24 hours returns the existing run instead of a new one.</p>
          <FieldErrors messages={errorsFor("idempotency_key")} />
        </div>
      </fieldset>
      <ErrorBox messages={server[""] ?? []} />
      <div><button type="submit" className="primary" disabled={busy}>Run Flow</button></div>
    </form>
  );
}

function FieldErrors({ messages }: { messages: string[] }) {
  if (messages.length === 0) return null;
  return <p className="field-error" role="alert">{messages.join(" ")}</p>;
}
