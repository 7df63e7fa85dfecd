import { z } from "zod";

/**
 * Every setting the app reads, checked once. A bad environment stops start-up with one error
 * that names every missing or invalid variable, never only the first.
 */
const encryptionKeys = z
  .string()
  .min(1)
  .transform((raw, ctx) => {
    const keys: { id: string; key: Buffer }[] = [];
    for (const entry of raw
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)) {
      const [id, b64] = entry.split(":");
      const key = b64 ? Buffer.from(b64, "base64") : Buffer.alloc(0);
      if (!id || !/^[A-Za-z0-9_-]{1,32}$/.test(id) || key.length !== 32) {
        ctx.addIssue({
          code: "custom",
          message: `each entry must be <id>:<base64 of 32 bytes>; "${id ?? ""}:…" is not`,
        });
        return z.NEVER;
      }
      keys.push({ id, key });
    }
    if (keys.length === 0) {
      ctx.addIssue({ code: "custom", message: "at least one key is required" });
      return z.NEVER;
    }
    return keys;
  });

const httpUrl = z
  .string()
  .url()
  .refine((u) => /^https?:\/\//.test(u), "must be an http(s) URL")
  .transform((u) => u.replace(/\/+$/, ""));

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** SQLite `file:` URL (default) or a `postgres://` URL. */
  DATABASE_URL: z.string().refine((u) => /^(file:|postgres(ql)?:\/\/)/.test(u), "must start with file: or postgres://"),
  SHOPIFY_API_KEY: z.string().min(1),
  SHOPIFY_API_SECRET: z.string().min(1),
  SHOPIFY_APP_URL: httpUrl,
  /** Comma-separated access scopes; must match shopify.app.toml. */
  SCOPES: z.string().default("read_customers,read_orders,read_themes"),
  CHATWOOT_BASE_URL: httpUrl,
  CHATWOOT_PLATFORM_TOKEN: z.string().min(1),
  /** The Chatwoot URL shoppers' browsers and agents use, when it differs from the server's. (Default: CHATWOOT_BASE_URL) */
  CHATWOOT_PUBLIC_URL: httpUrl.optional(),
  /** Milliseconds before one Chatwoot request is abandoned. (Default: 10000) */
  CHATWOOT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** `<id>:<base64 32 bytes>` entries, comma-separated. The first encrypts; all decrypt. */
  ENCRYPTION_KEYS: encryptionKeys,
  /** Signs the per-store order-view tokens. At least 32 characters. */
  APP_SIGNING_SECRET: z.string().min(32),
  /** Domain for the per-store service users' e-mail addresses. (Default: the app URL's host) */
  SERVICE_USER_EMAIL_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+\.[a-z0-9-]+$/i, "must be a domain name")
    .optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /** `database` (jobs in the app's own database, the default) or `pg-boss` (PostgreSQL only). */
  QUEUE_DRIVER: z.enum(["database", "pg-boss"]).default("database"),
  /** Whether this process runs the background worker; set false for web-only instances. (Default: true) */
  RUN_WORKER: z
    .enum(["true", "false", "1", "0"])
    .default("true")
    .transform((v) => v === "true" || v === "1"),
  /** Jobs one worker runs at once. (Default: 4) */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** Chatwoot requests per minute for all stores and instances together; Chatwoot allows 3000 per IP. (Default: 2400) */
  CHATWOOT_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(2400),
  /** How long a contact update waits to collect more events of the same customer, in ms. (Default: 2000) */
  SYNC_COALESCE_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
  /** Sandbox only: the demo store whose status /sandbox shows. Unset in production (/sandbox answers 404). */
  SANDBOX_SHOP: z
    .string()
    .regex(/^[a-z0-9-]+\.myshopify\.com$/, "must be a myshopify.com domain")
    .optional(),
  /** Sandbox only: send Shopify Admin API calls to this origin instead of the shop. */
  SHOPIFY_ADMIN_API_ORIGIN: httpUrl.optional(),
});

export type Env = z.infer<typeof envSchema>;

/** Hosts only this machine reaches: the sandbox's pages hand out sign-in links and signed tokens. */
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

function checkCombinations(env: Env): string[] {
  const problems: string[] = [];
  if (env.QUEUE_DRIVER === "pg-boss" && !/^postgres/.test(env.DATABASE_URL)) {
    problems.push("QUEUE_DRIVER is invalid: pg-boss needs a PostgreSQL DATABASE_URL");
  }
  // The sandbox runs where the app or the Admin API it talks to is on this machine; never in production.
  const local = [env.SHOPIFY_APP_URL, env.SHOPIFY_ADMIN_API_ORIGIN].some(
    (url) => url !== undefined && LOOPBACK_HOSTS.has(new URL(url).hostname),
  );
  if (env.SANDBOX_SHOP && !local) {
    problems.push(
      "SANDBOX_SHOP is invalid: the sandbox runs only with a localhost SHOPIFY_APP_URL or SHOPIFY_ADMIN_API_ORIGIN; " +
        "unset it in production",
    );
  }
  return problems;
}

export class InvalidEnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Invalid environment (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n` +
        problems.map((p) => `  - ${p}`).join("\n"),
    );
    this.name = "InvalidEnvironmentError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) {
    const problems = checkCombinations(result.data);
    if (problems.length) throw new InvalidEnvironmentError(problems);
    return result.data;
  }
  // One line per variable, however many rules it broke.
  const byName = new Map<string, string[]>();
  for (const issue of result.error.issues) {
    const name = issue.path.join(".");
    byName.set(name, [...(byName.get(name) ?? []), issue.message]);
  }
  const problems = [...byName].map(([name, messages]) =>
    source[name] === undefined || source[name] === ""
      ? `${name} is missing`
      : `${name} is invalid: ${[...new Set(messages)].join("; ")}`,
  );
  throw new InvalidEnvironmentError(problems);
}

let cached: Env | undefined;

/** The process environment, parsed on first use. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
