import type { CombinedError } from "urql";
import { apiErrors, explain } from "../api/errors";

/** Errors as sentences (never raw JSON), announced to screen readers. */
export function ErrorBox({ error, messages }: { error?: CombinedError; messages?: string[] }) {
  const lines = messages ?? apiErrors(error).filter((e) => e.code !== "UNAUTHENTICATED").map(explain);
  if (lines.length === 0) return null;
  return (
    <div className="error" role="alert">
      {lines.map((line) => <p key={line}>{line}</p>)}
    </div>
  );
}
