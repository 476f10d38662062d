// The GraphiQL playground at GET /graphql, served from flowrun's own files: no CDN. Queries and
// mutations go over HTTP, subscriptions over graphql-ws on the same origin; the explorer
// plugin builds queries by clicking. A key signed in to the UI is prefilled as a header.
import { explorerPlugin } from "@graphiql/plugin-explorer";
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import { createClient } from "graphql-ws";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "graphiql/graphiql.min.css";
import "@graphiql/plugin-explorer/dist/style.css";
import "./graphiql.css";
import { apiKey } from "./api/auth";

const scheme = window.location.protocol === "https:" ? "wss" : "ws";
const key = apiKey();
const headers: Record<string, string> = key ? { Authorization: `Bearer ${key}` } : {};

const wsClient = createClient({
  url: `${scheme}://${window.location.host}/graphql`,
  lazy: true,
  retryAttempts: 0,
  connectionParams: () => headers,
});

const fetcher = createGraphiQLFetcher({
  url: "/graphql",
  // graphql-ws 6 speaks the same protocol as the 5.x client the toolkit's types name.
  wsClient: wsClient as never,
});

const explorer = explorerPlugin();

createRoot(document.getElementById("graphiql")!).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} plugins={[explorer]}
      defaultHeaders={key ? JSON.stringify(headers, null, 2) : undefined} />
  </StrictMode>,
);
