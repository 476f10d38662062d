export function StateBadge({ state, type }: { state?: string | null; type?: string | null }) {
  return (
    <span className={`badge state-${(type ?? "unknown").toLowerCase()}`}>{state ?? "Unknown"}</span>
  );
}
