import { createHmac } from "node:crypto";
import { embedRendererFactory, type EmbedPageView } from "../sandbox/render-embed.server";
import type { StoredAppMetafield } from "../sandbox/shopify-objects";

// The block's real Liquid, rendered with Shopify's objects and filters as the sandbox implements them.
const SECRET = "inbox-hmac-token-never-printed";
const field = (key: string, type: string, value: string): StoredAppMetafield => ({
  namespace: "chatwoot",
  key,
  type,
  value,
});
const PROVISIONED = [
  field("base_url", "single_line_text_field", "https://chat.example.com"),
  field("website_token", "single_line_text_field", "tokentokentoken"),
  field("identity_secret", "single_line_text_field", SECRET),
  field("widget_color", "color", "#0b6e4f"),
  field("enabled", "boolean", "true"),
];
const ADA = {
  id: 7012345678901,
  email: "ada@example.com",
  first_name: "Ada",
  last_name: "Lovelace",
  phone: "+31612345678",
};

const render = embedRendererFactory({ assetBaseUrl: "/assets" });
const view = (overrides: Partial<EmbedPageView> = {}): EmbedPageView => ({
  metafields: PROVISIONED,
  locale: "en",
  primaryLocale: "en",
  pageType: "index",
  designMode: false,
  host: "shop.example",
  path: "/",
  ...overrides,
});
const configOf = (html: string) => {
  const attribute = /data-config="([^"]*)"/.exec(html)?.[1] ?? "";
  return JSON.parse(
    attribute
      .replace(/&#34;/g, '"')
      .replace(/&amp;/g, "&")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&#39;/g, "'"),
  ) as {
    base: string;
    token: string;
    label: string;
    locale: string;
    customer: { id: string; user: Record<string, string> } | null;
  };
};

describe("the chat embed's Liquid", () => {
  it.each([
    ["no app-data metafields (not provisioned yet)", []],
    ["the enabled metafield false", PROVISIONED.map((m) => (m.key === "enabled" ? { ...m, value: "false" } : m))],
    ["no website token", PROVISIONED.filter((m) => m.key !== "website_token")],
  ])("renders nothing at all with %s", async (_case, metafields) => {
    // WHEN
    const html = await render(view({ metafields }));
    // THEN
    expect(html.trim()).toBe("");
  });

  it("signs a logged-in customer's id with the inbox secret on the server, and never prints the secret", async () => {
    // WHEN
    const html = await render(view({ customer: ADA }));
    // THEN
    const expected = createHmac("sha256", SECRET).update("7012345678901").digest("hex");
    expect(configOf(html).customer).toEqual({
      id: "7012345678901",
      user: { identifier_hash: expected, email: "ada@example.com", name: "Ada Lovelace", phone_number: "+31612345678" },
    });
    expect(html).not.toContain(SECRET);
  });

  it("gives a guest no identity, and the page the store's token and Chatwoot URL", async () => {
    // WHEN
    const config = configOf(await render(view()));
    // THEN
    expect(config).toMatchObject({ base: "https://chat.example.com", token: "tokentokentoken", customer: null });
  });

  it.each([
    ["nl", "Chat met ons", "nl"],
    ["nl-BE", "Chat met ons", "nl_BE"],
    ["fr", "Chat with us", "fr"],
  ])("speaks the storefront's language %s (falling back to English)", async (locale, label, chatwootLocale) => {
    // WHEN
    const html = await render(view({ locale }));
    // THEN
    expect(html).toContain(`<span>${label}</span>`);
    expect(configOf(html)).toMatchObject({ label, locale: chatwootLocale });
  });

  it("uses the merchant's label and colour over the defaults, escaped, with readable text on a light colour", async () => {
    // WHEN
    const html = await render(view({ settings: { launcher_label: 'Ask <us> "now"', color: "#fde68a" } }));
    // THEN
    expect(html).toContain("<span>Ask &lt;us&gt; &#34;now&#34;</span>");
    expect(html).toContain("--cw-bg:#fde68a;--cw-fg:#111827");
    expect(configOf(html).label).toBe('Ask <us> "now"');
  });

  it("takes the provisioned colour when the merchant set none, with white text on it", async () => {
    // WHEN
    const html = await render(view());
    // THEN
    expect(html).toContain("--cw-bg:#0b6e4f;--cw-fg:#ffffff");
  });

  it("names a phone-only customer by their phone, since Chatwoot needs an email or a name", async () => {
    // WHEN
    const html = await render(
      view({ customer: { id: 5, email: null, first_name: null, last_name: null, phone: "+31600000000" } }),
    );
    // THEN
    expect(configOf(html).customer?.user).toMatchObject({ name: "+31600000000", phone_number: "+31600000000" });
    expect(configOf(html).customer?.user).not.toHaveProperty("email");
  });

  it("hides on the page types the merchant listed, however they spaced them", async () => {
    // WHEN
    const cart = await render(view({ pageType: "cart", settings: { hide_on: " password ,cart" } }));
    const product = await render(view({ pageType: "product", settings: { hide_on: " password ,cart" } }));
    // THEN
    expect(cart.trim()).toBe("");
    expect(product).toContain('id="cw-embed"');
  });
});
