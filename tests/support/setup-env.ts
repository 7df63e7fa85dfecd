// Test defaults for every suite, set before any app module reads the environment.
// Values match @shopify/shopify-app-remix's testConfig() so Shopify's helpers sign requests
// the app accepts.
const defaults: Record<string, string> = {
  NODE_ENV: "test",
  SHOPIFY_API_KEY: "testApiKey",
  SHOPIFY_API_SECRET: "testApiSecretKey",
  SHOPIFY_APP_URL: "https://my-test-app.myshopify.io",
  DATABASE_URL: "file:./prisma/test-unused.sqlite",
  CHATWOOT_BASE_URL: "http://127.0.0.1:9",
  CHATWOOT_PLATFORM_TOKEN: "unused-in-unit-tests",
  ENCRYPTION_KEYS: "test1:" + Buffer.alloc(32, 7).toString("base64"),
  APP_SIGNING_SECRET: "test-signing-secret-test-signing-secret",
  LOG_LEVEL: "error",
};
for (const [name, value] of Object.entries(defaults)) process.env[name] ??= value;
