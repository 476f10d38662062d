// Live data for a query: the same document as a GraphQL subscription over WebSocket
// (graphql-transport-ws, Hasura-style live queries: every query root field is also a
// subscription field), else polling every few seconds while the tab is visible.
//
// One hook, used by every page that shows something that may still change.
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import type { DocumentNode } from "graphql";
import { useEffect, useRef, useState } from "react";
import {
  stringifyDocument, useClient, useQuery, type AnyVariables, type Client, type CombinedError,
} from "urql";
import { wsClient } from "./client";
import { SubscriptionSupportQuery } from "./documents";

export const POLL_MS = 4000;

/** Once a socket is refused or a subscription fails, this page load polls. */
let subscriptionsWork = true;
let support: Promise<boolean> | null = null;

/** Whether the server's schema has subscriptions: asked once, so a server without them is
 * never sent a WebSocket handshake it would refuse. */
function serverHasSubscriptions(client: Client): Promise<boolean> {
  support ??= client.query(SubscriptionSupportQuery, {}, { requestPolicy: "network-only" })
    .toPromise()
    .then((r) => Boolean(r.data?.__schema.subscriptionType?.name))
    .catch(() => false);
  return support;
}

export type LiveMode = "subscription" | "polling" | "idle";

export interface Live<Data> {
  data: Data | undefined;
  error: CombinedError | undefined;
  fetching: boolean;
  mode: LiveMode;
  refetch: () => void;
}

export function useLive<Data, Vars extends AnyVariables>(
  document: TypedDocumentNode<Data, Vars>,
  variables: Vars,
  liveWhen: boolean | ((data: Data | undefined) => boolean),
  pause = false,
): Live<Data> {
  const client = useClient();
  const [result, reexecute] = useQuery<Data, Vars>({ query: document, variables, pause });
  const [latest, setLatest] = useState<Data | undefined>(undefined);
  const [mode, setMode] = useState<LiveMode>("idle");
  const refetch = useRef(() => reexecute({ requestPolicy: "network-only" }));
  refetch.current = () => reexecute({ requestPolicy: "network-only" });
  const key = JSON.stringify(variables);

  useEffect(() => {
    if (result.data !== undefined) setLatest(result.data);
  }, [result.data]);

  useEffect(() => {
    setLatest(undefined);
  }, [key]);

  const data = latest ?? result.data;
  const live = typeof liveWhen === "function" ? liveWhen(data) : liveWhen;

  useEffect(() => {
    if (!live || pause) {
      setMode("idle");
      return undefined;
    }
    const text = subscriptionText(document);
    let stopped = false;
    let stopPolling: (() => void) | null = null;
    let unsubscribe: (() => void) | null = null;
    const fallBack = (): void => {
      if (stopPolling === null && !stopped) stopPolling = poll(() => refetch.current(), setMode);
    };
    const subscribe = (): void => {
      const socket = wsClient();
      if (stopped || text === null || socket === null || !subscriptionsWork) return fallBack();
      setMode("subscription");
      unsubscribe = socket.subscribe<Data>(
        { query: text, variables: variables as Record<string, unknown> },
        {
          next: (value) => {
            if (value.errors?.length) { subscriptionsWork = false; fallBack(); return; }
            if (value.data) setLatest(value.data as Data);
          },
          error: () => { subscriptionsWork = false; fallBack(); },
          complete: () => undefined,
        },
      );
    };
    if (text === null || !subscriptionsWork) fallBack();
    else void serverHasSubscriptions(client).then((yes) => (yes ? subscribe() : fallBack()));
    return () => {
      stopped = true;
      unsubscribe?.();
      stopPolling?.();
    };
  }, [document, key, live, pause]);

  // When a run stops being live, read once more: the last log lines and the final state.
  const wasLive = useRef(live);
  useEffect(() => {
    if (wasLive.current && !live) refetch.current();
    wasLive.current = live;
  }, [live]);

  return {
    data,
    error: result.error,
    fetching: result.fetching,
    mode,
    refetch: () => refetch.current(),
  };
}

/** Poll while the tab is visible; read at once when it becomes visible again. */
function poll(read: () => void, setMode: (mode: LiveMode) => void): () => void {
  setMode("polling");
  const timer = window.setInterval(() => {
    if (document.visibilityState === "visible") read();
  }, POLL_MS);
  const onVisible = (): void => {
    if (document.visibilityState === "visible") read();
  };
  document.addEventListener("visibilitychange", onVisible);
  return () => {
    window.clearInterval(timer);
    document.removeEventListener("visibilitychange", onVisible);
  };
}

/** The query as a subscription, when it has one operation with one root field. */
export function subscriptionText(document: DocumentNode): string | null {
  const operations = document.definitions.filter((d) => d.kind === "OperationDefinition");
  if (operations.length !== 1) return null;
  const operation = operations[0];
  if (operation.kind !== "OperationDefinition" || operation.selectionSet.selections.length !== 1) {
    return null;
  }
  const text = stringifyDocument(document);
  return text.replace(/^\s*query\b/, "subscription");
}
