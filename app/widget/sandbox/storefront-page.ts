import type { StorefrontCustomer } from "./shopify-objects";

/** Demo shoppers with storefront accounts; `?customer=<handle>` logs one in. */
export const DEMO_CUSTOMERS: Record<string, StorefrontCustomer> = {
  ada: { id: 7012345678901, email: "ada@example.com", first_name: "Ada", last_name: "Lovelace", phone: "+31612345678" },
  grace: { id: 7012345678902, email: "grace@example.com", first_name: "Grace", last_name: "Hopper", phone: null },
};

const PRODUCTS = [
  ["Linen overshirt", "€89", "#c7b299"],
  ["Merino crew", "€74", "#4b6a88"],
  ["Canvas tote", "€35", "#d9c7a1"],
  ["Field jacket", "€159", "#55624a"],
  ["Everyday tee", "€29", "#e7e2da"],
  ["Wool beanie", "€25", "#9c3d2e"],
] as const;

const CSS = `*{box-sizing:border-box}body{margin:0;font:16px/1.5 Georgia,serif;color:#1c1c1c;background:#fbfaf7}
a{color:inherit}header,footer{display:flex;justify-content:space-between;align-items:center;padding:18px 40px;border-bottom:1px solid #e8e4dc}
header strong{font-size:22px;letter-spacing:.04em}nav a{margin-left:18px;text-decoration:none;font:14px system-ui,sans-serif}
.account{font:13px system-ui,sans-serif;color:#555;padding:8px 40px;background:#f1eee8}.account a{margin-left:10px}
.hero{padding:72px 40px;background:linear-gradient(120deg,#e9e1d3,#d5dccf)}.hero h1{font-size:44px;margin:0 0 8px}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:28px;padding:40px}
.card .img{aspect-ratio:4/5;border-radius:4px}.card h2{font-size:17px;margin:12px 0 2px}.card p{margin:0;color:#555}
footer{border-top:1px solid #e8e4dc;border-bottom:0;font:13px system-ui,sans-serif;color:#777}`;

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface StorefrontPageInput {
  shopName: string;
  url: URL;
  customerHandle?: string;
  /** Rendered into the end of `<body>`, where Shopify puts app embeds with `"target": "body"`. */
  bodyEnd: string;
  locale: string;
}

/** A small theme-like page: the same page with and without the chat, for looking and measuring. */
export function storefrontPage({ shopName, url, customerHandle, bodyEnd, locale }: StorefrontPageInput): string {
  const link = (changes: Record<string, string | null>) => {
    const next = new URL(url);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.searchParams.delete(key);
      else next.searchParams.set(key, value);
    }
    return escapeHtml(`${next.pathname}${next.search}`);
  };
  const customer = customerHandle ? DEMO_CUSTOMERS[customerHandle] : undefined;
  const account = customer
    ? `Signed in as ${escapeHtml(`${customer.first_name} ${customer.last_name}`)} (demo customer) <a href="${link({ customer: null })}">Log out</a>`
    : `Browsing as a guest. Log in as ${Object.keys(DEMO_CUSTOMERS)
        .map((handle) => `<a href="${link({ customer: handle })}">${handle}</a>`)
        .join(" ")}`;
  const cards = PRODUCTS.map(
    ([title, price, color]) =>
      `<article class="card"><div class="img" style="background:${color}"></div><h2>${title}</h2><p>${price}</p></article>`,
  ).join("");
  return `<!DOCTYPE html>
<html lang="${escapeHtml(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(shopName)}</title><style>${CSS}</style></head>
<body>
<header><strong>${escapeHtml(shopName)}</strong><nav><a href="${link({ page: null })}">Home</a><a href="${link({ page: "collection" })}">Shop</a><a href="${link({ page: "cart" })}">Cart</a><a href="${link({ locale: locale === "nl" ? "en" : "nl" })}">${locale === "nl" ? "EN" : "NL"}</a></nav></header>
<div class="account" data-testid="account">${account}</div>
<section class="hero"><h1>New season, same good basics</h1><p>Free shipping over €75 · 30-day returns</p></section>
<section class="grid">${cards}</section>
<footer><span>© ${escapeHtml(shopName)}</span><span>Storefront preview (sandbox)</span></footer>
${bodyEnd}
</body></html>`;
}
