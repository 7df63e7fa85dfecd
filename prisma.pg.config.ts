import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

// PostgreSQL, used when DATABASE_URL is a postgres URL. Only the Prisma CLI reads this file.
const connectionString = process.env.DATABASE_URL?.startsWith("postgres")
  ? process.env.DATABASE_URL
  : "postgresql://postgres@127.0.0.1:5432/test";

// Prisma's schema engine reads the catalog through the adapter, and adapter-pg cannot map the
// `name` and `"char"` column types it returns (prisma/prisma#27403). Relabel them as text before
// the adapter maps them. The app's runtime client does not need this.
const CATALOG_TEXT_TYPES = new Map<number, number>([
  [18, 25],
  [19, 25],
  [1002, 1009],
  [1003, 1009],
]);
const relabelled = new WeakSet<object>();

function relabelCatalogTypes(adapter: SqlDriverAdapter): SqlDriverAdapter {
  let proto: Record<string, unknown> | null = Object.getPrototypeOf(adapter);
  while (proto && !Object.prototype.hasOwnProperty.call(proto, "performIO")) proto = Object.getPrototypeOf(proto);
  if (!proto) throw new Error("@prisma/adapter-pg changed: performIO not found; revisit prisma.pg.config.ts");
  if (relabelled.has(proto)) return adapter;
  const performIO = proto.performIO as (
    this: unknown,
    query: unknown,
  ) => Promise<{ fields?: { dataTypeID: number }[] }>;
  proto.performIO = async function (this: unknown, query: unknown) {
    const result = await performIO.call(this, query);
    for (const field of result.fields ?? [])
      field.dataTypeID = CATALOG_TEXT_TYPES.get(field.dataTypeID) ?? field.dataTypeID;
    return result;
  };
  relabelled.add(proto);
  return adapter;
}

function migrationAdapter(url: string): SqlMigrationAwareDriverAdapterFactory {
  // A short idle timeout lets the CLI exit as soon as it is done.
  const factory = new PrismaPg({ connectionString: url, idleTimeoutMillis: 100 });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => relabelCatalogTypes(await factory.connect()),
    connectToShadowDb: async () => relabelCatalogTypes(await factory.connectToShadowDb()),
  };
}

export default defineConfig({
  schema: "prisma/postgres/schema.prisma",
  migrations: { path: "prisma/postgres/migrations" },
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => migrationAdapter(connectionString),
});
