import type { ReactNode } from "react";

/** A table that scrolls sideways in a narrow window, reachable by keyboard to scroll it. */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>{children}</div>;
}
