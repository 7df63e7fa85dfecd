import { createHmac } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Liquid, Tag, TagToken, toValue, type Context, type TopLevelToken } from "liquidjs";

/**
 * Shopify's Liquid, as far as the chat embed uses it, on liquidjs: the filters (`t`, `asset_url`,
 * `hmac_sha256`, `json`, `color_brightness`) and the `{% schema %}` tag. Unknown filters throw, as
 * theme-check would flag them; everything else is liquidjs' standard Liquid.
 */
type Translations = Record<string, unknown>;

/** Locale files of a theme app extension: `en.default.json`, `nl.json`, … (schema files excluded). */
export function loadLocales(extensionDir: string): { defaultLocale: string; byLocale: Map<string, Translations> } {
  const byLocale = new Map<string, Translations>();
  let defaultLocale = "en";
  for (const file of readdirSync(path.join(extensionDir, "locales"))) {
    const found = /^([\w-]+?)(\.default)?\.json$/.exec(file);
    if (!found?.[1] || file.includes(".schema.")) continue;
    byLocale.set(found[1], JSON.parse(readFileSync(path.join(extensionDir, "locales", file), "utf8")) as Translations);
    if (found[2]) defaultLocale = found[1];
  }
  return { defaultLocale, byLocale };
}

function lookup(tree: Translations | undefined, key: string): unknown {
  return key
    .split(".")
    .reduce<unknown>(
      (node, part) => (node && typeof node === "object" ? (node as Translations)[part] : undefined),
      tree,
    );
}

/** Removes the `{% schema %}` body before parsing: Shopify never renders it as Liquid. */
class SchemaTag extends Tag {
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    for (let next = remain.shift(); next; next = remain.shift()) {
      if (next instanceof TagToken && next.name === "endschema") return;
    }
    throw new Error("{% schema %} is never closed");
  }
  *render(): Generator<unknown, void, unknown> {}
}

function localeOf(context: Context): string {
  const request = context.globals.request as { locale?: { iso_code?: string } } | undefined;
  return request?.locale?.iso_code ?? "en";
}

export interface ShopifyLiquidOptions {
  extensionDir: string;
  /** Where `asset_url` points; Shopify serves extension assets from its CDN. */
  assetBaseUrl: string;
}

export function createShopifyLiquid({ extensionDir, assetBaseUrl }: ShopifyLiquidOptions): Liquid {
  const locales = loadLocales(extensionDir);
  const engine = new Liquid({
    root: [path.join(extensionDir, "blocks")],
    partials: [path.join(extensionDir, "snippets")],
    extname: ".liquid",
    strictFilters: true,
    cache: true,
  });
  engine.registerTag("schema", SchemaTag);

  // `'key' | t: name: value`: the shopper's locale, then its language, then the default locale.
  engine.registerFilter("t", function (this: { context: Context }, key: unknown, ...args: [string, unknown][]) {
    const locale = localeOf(this.context);
    const candidates = [locale, locale.split("-")[0] ?? locale, locales.defaultLocale];
    const found = candidates
      .map((l) => lookup(locales.byLocale.get(l), String(key)))
      .find((v) => typeof v === "string");
    if (typeof found !== "string") return `translation missing: ${locale}.${String(key)}`;
    const vars = new Map(args.filter(Array.isArray));
    return found.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(toValue(vars.get(name)) ?? ""));
  });
  engine.registerFilter("asset_url", (file: unknown) => `${assetBaseUrl}/${encodeURIComponent(String(file))}`);
  // Lowercase hex, like Shopify's filter and like Chatwoot's identifier_hash comparison expects.
  engine.registerFilter("hmac_sha256", (value: unknown, secret: unknown) =>
    createHmac("sha256", String(toValue(secret) ?? ""))
      .update(String(toValue(value) ?? ""))
      .digest("hex"),
  );
  // Never trusted to make text safe inside HTML: the block escapes what it embeds.
  engine.registerFilter("json", (value: unknown) => JSON.stringify(plain(value)) ?? "null");
  engine.registerFilter("color_brightness", (color: unknown) => {
    const hex = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(String(toValue(color) ?? ""));
    if (!hex) return 0;
    const [r, g, b] = hex.slice(1, 4).map((h) => parseInt(h, 16)) as [number, number, number];
    return Math.round(((r * 299 + g * 587 + b * 114) / 1000) * 100) / 100;
  });
  return engine;
}

function plain(value: unknown): unknown {
  const v = toValue(value) as unknown;
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v === undefined ? null : v;
}
