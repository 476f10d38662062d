// The API key for this browser session, and what the server last said about it.
// A key lives in sessionStorage: it is gone when the tab closes, never written to disk.
import { useSyncExternalStore } from "react";

const KEY = "flowrun.apiKey";

/** A 401: the server wants a (valid) key. A 403 is shown where the refused action was. */
export type AuthProblem = { kind: "none" } | { kind: "unauthenticated"; message: string };

let problem: AuthProblem = { kind: "none" };
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

export function apiKey(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function signIn(key: string): void {
  sessionStorage.setItem(KEY, key.trim());
  problem = { kind: "none" };
  emit();
}

export function signOut(): void {
  sessionStorage.removeItem(KEY);
  emit();
}

export function authHeaders(): Record<string, string> {
  const key = apiKey();
  return key ? { Authorization: `Bearer ${key}` } : {};
}

export function reportAuthProblem(next: AuthProblem): void {
  if (next.kind === problem.kind && next.kind !== "none") return;
  problem = next;
  emit();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useAuth(): { problem: AuthProblem; signedIn: boolean } {
  const current = useSyncExternalStore(subscribe, () => problem);
  const key = useSyncExternalStore(subscribe, apiKey);
  return { problem: current, signedIn: key !== null };
}
