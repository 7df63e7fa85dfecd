import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

describe("start-up", () => {
  it("stops with one message naming every missing or invalid variable", () => {
    // GIVEN an environment with two bad values and the rest missing
    const env = {
      NODE_ENV: "production" as const,
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      CHATWOOT_BASE_URL: "not a url",
      ENCRYPTION_KEYS: "k1:short",
    };
    // WHEN the server starts
    const result = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["app/server/main.ts"], {
      cwd: root,
      env,
      encoding: "utf8",
      timeout: 30_000,
    });
    // THEN
    expect(result.status).toBe(78);
    const lines = result.stderr.split("\n").filter((l) => l.startsWith("  - "));
    expect(result.stderr).toMatch(/^Invalid environment \(8 problems\):/m);
    expect(lines).toEqual(
      expect.arrayContaining([
        "  - DATABASE_URL is missing",
        "  - SHOPIFY_API_KEY is missing",
        "  - SHOPIFY_API_SECRET is missing",
        "  - SHOPIFY_APP_URL is missing",
        "  - CHATWOOT_PLATFORM_TOKEN is missing",
        "  - APP_SIGNING_SECRET is missing",
      ]),
    );
    expect(lines.some((l) => l.startsWith("  - CHATWOOT_BASE_URL is invalid"))).toBe(true);
    expect(lines.some((l) => l.startsWith("  - ENCRYPTION_KEYS is invalid"))).toBe(true);
    expect(result.stdout).not.toContain("app listening");
  });
});
