// One urql client for queries and mutations over HTTP, and one lazy graphql-ws client for
// live subscriptions. Both send the session's API key; a 401 is reported to auth.ts.
import { createClient as createWsClient, type Client as WsClient } from "graphql-ws";
import { Client, cacheExchange, fetchExchange } from "urql";
import { authHeaders, reportAuthProblem } from "./auth";

export const GRAPHQL_PATH = "/graphql";

async function authFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const headers = new Headers(init?.headers);
  for (const [name, value] of Object.entries(authHeaders())) headers.set(name, value);
  const response = await fetch(input, { ...init, headers });
  if (response.status === 401) {
    const message = await response.clone().json()
      .then((body: { errors?: { message?: string }[] }) => body.errors?.[0]?.message ?? "")
      .catch(() => "");
    reportAuthProblem({ kind: "unauthenticated", message });
  }
  return response;
}

export function createApiClient(): Client {
  return new Client({
    url: GRAPHQL_PATH,
    exchanges: [cacheExchange, fetchExchange],
    fetch: authFetch,
    preferGetMethod: false,
    requestPolicy: "cache-and-network",
  });
}

let ws: WsClient | null = null;

/** The WebSocket client, made on first use; null where WebSocket does not exist. */
export function wsClient(): WsClient | null {
  if (typeof WebSocket === "undefined") return null;
  if (ws === null) {
    const scheme = window.location.protocol === "https:" ? "wss" : "ws";
    ws = createWsClient({
      url: `${scheme}://${window.location.host}${GRAPHQL_PATH}`,
      lazy: true,
      retryAttempts: 0,
      connectionParams: () => authHeaders(),
    });
  }
  return ws;
}

/** Forget the socket (after a sign-in, so the next one carries the new key). */
export function resetWsClient(): void {
  void ws?.dispose();
  ws = null;
}
