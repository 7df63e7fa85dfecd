import { embedStatusFactory } from "../embed-status.server";
import { embedStatusFromSettingsData } from "../settings-data";
import type { ShopifyAdminGraphql } from "../types";

const BANNER = "/*\n * IMPORTANT: The contents of this file are auto-generated.\n */\n";
const EMBED_TYPE = "shopify://apps/chatwoot-for-shopify/blocks/chat-embed/0b6c8e58-5a5f-4c1e-9c57-0f5e1f4a8d2b";
const settingsData = (blocks: Record<string, unknown>) =>
  `${BANNER}${JSON.stringify({ current: { blocks }, presets: {} })}`;

/** An Admin API client answering the embed status query with one live theme holding this file. */
function adminWith(body: Record<string, unknown> | null, status = 200): ShopifyAdminGraphql {
  const files = body ? [{ filename: "config/settings_data.json", body }] : [];
  const data = {
    themes: { nodes: [{ id: "gid://shopify/OnlineStoreTheme/1", name: "Dawn", files: { nodes: files } }] },
  };
  return { graphql: async () => new Response(JSON.stringify({ data }), { status }) };
}

describe("reading whether the chat embed is on in the live theme", () => {
  it("finds the embed switched on, behind Shopify's comment banner, with its settings", () => {
    // WHEN
    const status = embedStatusFromSettingsData(
      settingsData({
        "1": { type: "shopify://apps/reviews/blocks/stars/x", disabled: false },
        "2": { type: EMBED_TYPE, disabled: false, settings: { position: "left" } },
      }),
    );
    // THEN
    expect(status).toEqual({ state: "enabled", settings: { position: "left" } });
  });

  it.each([
    ["switched off", settingsData({ "2": { type: EMBED_TYPE, disabled: true } }), "switched-off"],
    [
      "on in the theme, but its own Enabled setting is off",
      settingsData({ "2": { type: EMBED_TYPE, disabled: false, settings: { enabled: false } } }),
      "switched-off",
    ],
    ["never switched on", settingsData({}), "never-enabled"],
    [
      "another app's chat-embed-like handle only",
      settingsData({ "2": { type: "shopify://apps/x/blocks/chat-embed-pro/1", disabled: false } }),
      "never-enabled",
    ],
  ])("reports it disabled when %s", (_case, raw, reason) => {
    // THEN
    expect(embedStatusFromSettingsData(raw)).toEqual({ state: "disabled", reason });
  });

  it("follows `current` when it names a preset", () => {
    // GIVEN
    const raw = JSON.stringify({
      current: "Default",
      presets: { Default: { blocks: { a: { type: EMBED_TYPE, disabled: false } } } },
    });
    // THEN
    expect(embedStatusFromSettingsData(raw).state).toBe("enabled");
  });

  it("says unknown, with a reason, for a file that is not JSON", () => {
    // THEN
    expect(embedStatusFromSettingsData("{ nope").state).toBe("unknown");
  });

  it("reads the file from the Admin API as text, as base64, or from its short-lived URL", async () => {
    // GIVEN
    const raw = settingsData({ a: { type: EMBED_TYPE, disabled: false } });
    const fetchUrl = (async () => new Response(raw)) as typeof fetch;
    const embedStatus = embedStatusFactory({ fetchUrl });
    // WHEN
    const results = await Promise.all([
      embedStatus(adminWith({ content: raw })),
      embedStatus(adminWith({ contentBase64: Buffer.from(raw).toString("base64") })),
      embedStatus(adminWith({ url: "https://cdn.example/settings_data.json" })),
    ]);
    // THEN
    expect(results.map((r) => r.state)).toEqual(["enabled", "enabled", "enabled"]);
  });

  it("says unknown when the Admin API fails, so the home page can still offer the theme editor", async () => {
    // WHEN
    const status = await embedStatusFactory()(adminWith({ content: "{}" }, 500));
    // THEN
    expect(status.state).toBe("unknown");
  });
});
