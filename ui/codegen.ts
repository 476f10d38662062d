// Typed documents generated from flowrun's committed schema.graphql (`npm run codegen`).
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "../schema.graphql",
  documents: ["src/api/documents.ts"],
  ignoreNoDocuments: false,
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        skipTypename: true,
        scalars: {
          uuid: "string",
          UUID: "string",
          timestamptz: "string",
          DateTime: "string",
          jsonb: "unknown",
          JSON: "unknown",
        },
      },
    },
  },
};
export default config;
