// Turning GraphQL errors into sentences a person can act on, and into per-field messages.
import type { CombinedError } from "urql";

export interface ApiError {
  code: string;
  message: string;
  extensions: Record<string, unknown>;
}

export function apiErrors(error: CombinedError | undefined): ApiError[] {
  if (!error) return [];
  if (error.graphQLErrors.length > 0) {
    return error.graphQLErrors.map((e) => ({
      code: String(e.extensions?.code ?? "ERROR"),
      message: e.message,
      extensions: (e.extensions ?? {}) as Record<string, unknown>,
    }));
  }
  const status = (error.response as Response | undefined)?.status;
  if (status === 401) return [{ code: "UNAUTHENTICATED", message: "Sign in with an API key.", extensions: {} }];
  if (status === 403) return [{ code: "FORBIDDEN", message: "This key may not do that.", extensions: {} }];
  return [{
    code: "NETWORK",
    message: "The server could not be reached. Check that flowrun is running, then try again.",
    extensions: {},
  }];
}

export function firstCode(error: CombinedError | undefined): string | null {
  return apiErrors(error)[0]?.code ?? null;
}

/** A sentence for each error code; the server's own message follows it. */
export function explain(e: ApiError): string {
  switch (e.code) {
    case "VERSION_LOCKING_ERROR":
      return "Someone else changed this run since this page loaded, so nothing was changed. The current state is shown now.";
    case "NOT_FOUND":
      return `Not found: ${e.message}`;
    case "CONFLICT":
      return `Conflict: ${e.message}`;
    case "FORBIDDEN":
      return `Your API key is not allowed to do this: ${e.message}`;
    case "UNAUTHENTICATED":
      return `Sign in first: ${e.message}`;
    case "SERVICE_UNAVAILABLE":
      return "The database is busy or unreachable; try again in a moment.";
    default:
      return e.message;
  }
}

/**
 * Which form field each error names: the parameter names in `missing`, the parameter a
 * schema violation starts with ("times: 'x' is not of type 'integer'"), else `field`.
 * Errors naming no field are returned under "".
 */
export function fieldErrors(errors: ApiError[], parameterNames: string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const add = (field: string, message: string): void => {
    (out[field] ??= []).push(message);
  };
  for (const e of errors) {
    const missing = e.extensions.missing;
    const violations = e.extensions.violations;
    if (Array.isArray(missing)) {
      for (const name of missing) add(`param:${String(name)}`, "This parameter is required.");
    } else if (Array.isArray(violations)) {
      for (const v of violations) placeViolation(String(v), parameterNames, add);
    } else if (typeof e.extensions.field === "string") {
      add(e.extensions.field, e.message);
    } else {
      add("", explain(e));
    }
  }
  return out;
}

function placeViolation(
  text: string, names: string[], add: (field: string, message: string) => void,
): void {
  const quoted = /^'([^']+)' is required$/.exec(text);
  if (quoted && names.includes(quoted[1])) return add(`param:${quoted[1]}`, "This parameter is required.");
  const colon = text.indexOf(": ");
  const head = colon > 0 ? text.slice(0, colon).split(".")[0] : "";
  if (names.includes(head)) return add(`param:${head}`, text.slice(colon + 2));
  add("parameters", text);
}
