import { InvalidEnvironmentError, parseEnv } from "~/env.server";

const valid = {
  DATABASE_URL: "file:./dev.sqlite",
  SHOPIFY_API_KEY: "key",
  SHOPIFY_API_SECRET: "secret",
  SHOPIFY_APP_URL: "https://app.example.com/",
  CHATWOOT_BASE_URL: "https://chat.example.com",
  CHATWOOT_PLATFORM_TOKEN: "platform-token",
  ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString("base64")}`,
  APP_SIGNING_SECRET: "x".repeat(32),
};

function problemsOf(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) return error.problems;
    throw error;
  }
  return [];
}

describe("environment", () => {
  it("parses a complete environment and applies defaults", () => {
    // WHEN
    const env = parseEnv(valid);
    // THEN
    expect(env.PORT).toBe(3000);
    expect(env.SHOPIFY_APP_URL).toBe("https://app.example.com");
    expect(env.ENCRYPTION_KEYS[0]?.id).toBe("k1");
    expect(env.CHATWOOT_TIMEOUT_MS).toBe(10_000);
  });

  it("names every missing variable in one error", () => {
    // WHEN
    const problems = problemsOf({});
    // THEN
    for (const name of [
      "DATABASE_URL",
      "SHOPIFY_API_KEY",
      "SHOPIFY_API_SECRET",
      "SHOPIFY_APP_URL",
      "CHATWOOT_BASE_URL",
      "CHATWOOT_PLATFORM_TOKEN",
      "ENCRYPTION_KEYS",
      "APP_SIGNING_SECRET",
    ]) {
      expect(problems).toContain(`${name} is missing`);
    }
  });

  it("reports invalid values next to missing ones", () => {
    // GIVEN
    const source = {
      ...valid,
      SHOPIFY_API_KEY: undefined,
      CHATWOOT_BASE_URL: "chat.example.com",
      ENCRYPTION_KEYS: "k1:tooshort",
      PORT: "http",
    };
    // WHEN
    const problems = problemsOf(source);
    // THEN
    expect(problems).toHaveLength(4);
    expect(problems).toContain("SHOPIFY_API_KEY is missing");
    expect(problems.some((p) => p.startsWith("CHATWOOT_BASE_URL is invalid"))).toBe(true);
    expect(problems.some((p) => p.startsWith("ENCRYPTION_KEYS is invalid"))).toBe(true);
    expect(problems.some((p) => p.startsWith("PORT is invalid"))).toBe(true);
  });

  it("accepts a PostgreSQL database URL and rejects other schemes", () => {
    expect(parseEnv({ ...valid, DATABASE_URL: "postgresql://u@localhost/db" }).DATABASE_URL).toMatch(/^postgresql/);
    expect(problemsOf({ ...valid, DATABASE_URL: "mysql://localhost/db" })[0]).toMatch(/^DATABASE_URL is invalid/);
  });

  it("refuses the sandbox on an app URL that is not this machine's", () => {
    expect(problemsOf({ ...valid, SANDBOX_SHOP: "demo-store.myshopify.com" })).toEqual([
      expect.stringMatching(/^SANDBOX_SHOP is invalid: .*localhost/),
    ]);
    const sandbox = { ...valid, SANDBOX_SHOP: "demo-store.myshopify.com" };
    expect(problemsOf({ ...sandbox, SHOPIFY_APP_URL: "http://localhost:3000" })).toEqual([]);
    expect(problemsOf({ ...sandbox, SHOPIFY_ADMIN_API_ORIGIN: "http://127.0.0.1:4100" })).toEqual([]);
    expect(problemsOf({ ...sandbox, SHOPIFY_ADMIN_API_ORIGIN: "https://admin.example.com" })).toHaveLength(1);
  });
});
