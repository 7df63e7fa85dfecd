import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

// Prisma pins one provider per schema, so the PostgreSQL schema is derived from the SQLite one:
// same models, a different datasource and a separate generated client.
const here = import.meta.dirname;
export const PG_HEADER = `// GENERATED from prisma/schema.prisma by \`npm run db:pg-schema\`. Do not edit.

generator client {
  provider   = "prisma-client-js"
  engineType = "client"
  output     = "../../node_modules/.prisma/client-pg"
}

datasource db {
  provider = "postgresql"
  url      = "postgresql://postgres@127.0.0.1:5432/test"
}
`;

export function renderPgSchema(sqliteSchema: string): string {
  const marker = "// --- models ---";
  const at = sqliteSchema.indexOf(marker);
  if (at < 0) throw new Error(`prisma/schema.prisma lost its "${marker}" line`);
  return PG_HEADER + "\n" + sqliteSchema.slice(at);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const source = readFileSync(path.join(here, "schema.prisma"), "utf8");
  writeFileSync(path.join(here, "postgres", "schema.prisma"), renderPgSchema(source));
  console.log("wrote prisma/postgres/schema.prisma");
}
