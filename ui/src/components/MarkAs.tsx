// Mark As: choose a state and an optional reason; the caller sends it with the versions shown.
import { useState, type FormEvent } from "react";
import type { CombinedError } from "urql";
import type { Outcome } from "../api/actions";
import { MARK_AS_STATES } from "../format";
import { Dialog } from "./Dialog";
import { ErrorBox } from "./ErrorBox";

export function MarkAsDialog({ open, count, onClose, onSubmit }: {
  open: boolean;
  count: number;
  onClose: () => void;
  onSubmit: (state: string, reason: string) => Promise<Outcome>;
}) {
  const [state, setState] = useState("Failed");
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CombinedError | undefined>();

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    const result = await onSubmit(state, reason);
    setBusy(false);
    if (result.ok) {
      setError(undefined);
      setReason("");
      onClose();
    } else {
      setError(result.error);
    }
  }

  return (
    <Dialog title={count === 1 ? "Mark run as" : `Mark ${count} runs as`} open={open}
      onClose={() => { setError(undefined); onClose(); }}>
      <form onSubmit={(e) => void submit(e)} className="stack">
        <label>
          New state
          <select value={state} onChange={(e) => setState(e.target.value)} name="state" aria-label="New state">
            {MARK_AS_STATES.map((s) => <option key={s}>{s}</option>)}
          </select>
        </label>
        <label>
          Reason (kept as the state message)
          <input value={reason} onChange={(e) => setReason(e.target.value)} name="reason"
            placeholder="Why are you changing this?" />
        </label>
        <ErrorBox error={error} />
        <div className="row">
          <button type="submit" className="primary" disabled={busy}>Mark as {state}</button>
          <button type="button" onClick={onClose}>Close</button>
        </div>
      </form>
    </Dialog>
  );
}

export function ConfirmDialog({ open, title, body, confirm, onClose, onConfirm }: {
  open: boolean; title: string; body: string; confirm: string;
  onClose: () => void; onConfirm: () => Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <Dialog title={title} open={open} onClose={onClose}>
      <p>{body}</p>
      <div className="row">
        <button type="button" className="danger" disabled={busy} autoFocus
          onClick={() => { setBusy(true); void onConfirm().finally(() => setBusy(false)); }}>
          {confirm}
        </button>
        <button type="button" onClick={onClose}>Keep it</button>
      </div>
    </Dialog>
  );
}
