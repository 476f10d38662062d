// Two entries, one build: the app (index.html) and the GraphiQL playground (graphiql.html).
// Names carry content hashes only, so the same sources always give the same files.
import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
  base: "/",
  build: {
    outDir: process.env.FLOWRUN_UI_OUT ?? resolve(__dirname, "../server/ui/dist"),
    emptyOutDir: true,
    sourcemap: false,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: {
        app: resolve(__dirname, "index.html"),
        graphiql: resolve(__dirname, "graphiql.html"),
      },
    },
  },
});
