import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { check } from "@shopify/theme-check-node";
import { appEmbedSchema, readSchemaJson } from "~/widget/block-schema";
import { embedRendererFactory, EXTENSION_DIR } from "~/widget/sandbox/render-embed.server";

// What Shopify's theme-check does not check about the extension: folder layout, the block
// schema's target and setting types, locale coverage, and the size budgets.
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
const relative = (file: string) => path.relative(EXTENSION_DIR, file);
const json = (file: string) =>
  JSON.parse(readFileSync(path.join(EXTENSION_DIR, file), "utf8")) as Record<string, unknown>;
const blockSource = readFileSync(path.join(EXTENSION_DIR, "blocks/chat-embed.liquid"), "utf8");

function keys(tree: unknown, prefix = ""): string[] {
  if (typeof tree !== "object" || tree === null) return [prefix];
  return Object.entries(tree).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("the chatwoot-widget theme app extension", () => {
  it("passes theme-check with no errors and no warnings", async () => {
    // WHEN
    const offenses = await check(EXTENSION_DIR);
    // THEN
    expect(offenses.map((o) => `${o.check}: ${o.message} (${o.uri}:${o.start.line})`)).toEqual([]);
  });

  it("holds only the folders Shopify's CLI accepts, with the file types it accepts there", () => {
    // THEN
    for (const file of files(EXTENSION_DIR).map(relative)) {
      expect(file).toMatch(
        /^(shopify\.extension\.toml|blocks\/[\w-]+\.liquid|snippets\/[\w-]+\.liquid|locales\/[\w.-]+\.json|assets\/[\w.-]+\.(js|css|svg|png|jpe?g|json|wasm))$/,
      );
    }
  });

  it("declares an app embed for <body>, named chat-embed for the activation deep link, with valid settings", () => {
    // WHEN
    const parsed = appEmbedSchema.safeParse(readSchemaJson(blockSource));
    // THEN
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(parsed.data!.target).toBe("body");
    expect(parsed.data!.available_if).toBe("{{ app.metafields.chatwoot.enabled }}");
    expect(parsed.data!.settings.map((s) => ("id" in s ? `${s.id}:${s.type}` : s.type))).toEqual([
      "enabled:checkbox",
      "position:select",
      "launcher_label:text",
      "color:color",
      "load_mode:select",
      "hide_on:text",
    ]);
  });

  it.each([
    ["an unknown target", { target: "footer" }],
    ["an unknown setting type", { settings: [{ type: "colour", id: "c", label: "C" }] }],
    [
      "a select default that is not an option",
      { settings: [{ type: "select", id: "p", label: "P", options: [{ value: "a", label: "A" }], default: "b" }] },
    ],
  ])("refuses a schema with %s, which theme-check lets through", (_case, change) => {
    // GIVEN
    const schema = { ...(readSchemaJson(blockSource) as object), ...change };
    // THEN
    expect(appEmbedSchema.safeParse(schema).success).toBe(false);
  });

  it("resolves every t: key of the schema in the English and Dutch editor locales", () => {
    // GIVEN
    const used = [...JSON.stringify(readSchemaJson(blockSource)).matchAll(/"t:([\w.]+)"/g)].map((m) => m[1]!);
    // THEN
    expect(used.length).toBeGreaterThan(10);
    for (const file of ["locales/en.default.schema.json", "locales/nl.schema.json"]) {
      expect(
        used.filter((key) => !keys(json(file)).includes(key)),
        file,
      ).toEqual([]);
    }
  });

  it("has the same storefront strings in Dutch as in the default English, and uses each of them", () => {
    // GIVEN
    const english = keys(json("locales/en.default.json"));
    const liquid = files(EXTENSION_DIR)
      .filter((f) => f.endsWith(".liquid"))
      .map((f) => readFileSync(f, "utf8"))
      .join("\n");
    // THEN
    expect(keys(json("locales/nl.json")).sort()).toEqual([...english].sort());
    for (const key of english) expect(liquid).toContain(`'${key}' | t`);
  });

  it("keeps all its Liquid under Shopify's 100 KB limit", () => {
    // WHEN
    const bytes = files(EXTENSION_DIR)
      .filter((f) => f.endsWith(".liquid"))
      .reduce((sum, f) => sum + statSync(f).size, 0);
    // THEN
    expect(bytes).toBeLessThan(100 * 1024);
  });

  it("renders a loader within 2 KB gzip, and a whole embed (launcher, styles, loader, a customer's identity) within 3 KB", async () => {
    // GIVEN a provisioned store and a logged-in customer
    const render = embedRendererFactory({ assetBaseUrl: "/assets" });
    const html = await render({
      metafields: [
        { namespace: "chatwoot", key: "base_url", type: "single_line_text_field", value: "https://chat.example.com" },
        { namespace: "chatwoot", key: "website_token", type: "single_line_text_field", value: "x".repeat(24) },
        { namespace: "chatwoot", key: "identity_secret", type: "single_line_text_field", value: "s".repeat(24) },
        { namespace: "chatwoot", key: "enabled", type: "boolean", value: "true" },
      ],
      customer: { id: 7012345678901, email: "ada@example.com", first_name: "Ada", last_name: "Lovelace", phone: null },
      locale: "en",
      primaryLocale: "en",
      pageType: "index",
      designMode: false,
      host: "shop.example",
      path: "/",
    });
    // WHEN
    const loader = /<script>[\s\S]*<\/script>/.exec(html)![0];
    // THEN
    expect(gzipSync(loader, { level: 9 }).length).toBeLessThanOrEqual(2048);
    expect(gzipSync(html, { level: 9 }).length).toBeLessThanOrEqual(3072);
  });
});
