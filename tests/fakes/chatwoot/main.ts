import { startChatwootSimulator } from "./simulator";

/**
 * `npm run chatwoot:sim`: the simulator as a standalone server for the sandbox and manual runs.
 * PORT (default 3100), HOST, CHATWOOT_PLATFORM_TOKEN (default a fixed dev token), RACK_ATTACK_LIMIT,
 * RATE_LIMIT_CONTACT_SEARCH and FRONTEND_URL mirror Chatwoot's own variables. Drive it from other
 * processes through /__sim/ (state, reset, faults, seeds).
 */
const DEV_PLATFORM_TOKEN = "sim-platform-token-dev-only";

const numberFromEnv = (name: string): number | undefined => {
  const raw = process.env[name];
  return raw ? Number(raw) : undefined;
};

const token = process.env.CHATWOOT_PLATFORM_TOKEN || DEV_PLATFORM_TOKEN;
const sim = await startChatwootSimulator({
  port: numberFromEnv("PORT") ?? 3100,
  host: process.env.HOST || "127.0.0.1",
  platformTokens: [token],
  rateLimitPerMinute: numberFromEnv("RACK_ATTACK_LIMIT"),
  contactSearchPerMinute: numberFromEnv("RATE_LIMIT_CONTACT_SEARCH"),
  publicUrl: process.env.FRONTEND_URL || undefined,
  log: (message, context) => {
    if (message === "request") console.log(`${context.method} ${context.path} → ${context.status}`);
    else console.log(message, JSON.stringify(context));
  },
});

console.log(`Chatwoot simulator listening on ${sim.url}`);
console.log(
  `Platform token: ${token}${token === DEV_PLATFORM_TOKEN ? " (fixed dev token; set CHATWOOT_PLATFORM_TOKEN to change)" : ""}`,
);
console.log(`Control API: ${sim.url}/__sim/state`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void sim.stop().then(() => process.exit(0));
  });
}
