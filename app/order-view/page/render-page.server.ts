import formatSource from "../client/format.js?raw";
import mainSource from "../client/main.js?raw";
import protocolSource from "../client/protocol.js?raw";
import renderSource from "../client/render.js?raw";
import type { start } from "../client/main.js";
import { ORDER_VIEW_STRINGS, type OrderViewLocale } from "../strings";
import type { OrderViewClientConfig } from "../types";
import { brandPalette } from "./brand-color";
import { pageStyles } from "./styles";

/**
 * The order view's HTML: one small document with its stylesheet and script inline, no framework and
 * no second request. The script files are ES modules for type checking and unit tests; here their
 * import lines, `export` keywords and comments are dropped and they share one function scope.
 */
function inlineModule(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/^\s*\/\/.*$/gm, "")
    .replace(/^import .*;$/gm, "")
    .replace(/^export /gm, "")
    .replace(/\n\s*\n+/g, "\n");
}

const SCRIPT = [protocolSource, formatSource, renderSource, mainSource].map(inlineModule).join("\n");

/** JSON that cannot close the <script> element it sits in. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function htmlDocument(input: {
  nonce: string;
  title: string;
  color: string | null;
  lang: string;
  body: string;
}): string {
  return `<!DOCTYPE html>
<html lang="${input.lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(input.title)}</title>
<style nonce="${input.nonce}">${pageStyles(brandPalette(input.color))}</style>
</head><body>${input.body}</body></html>`;
}

export function renderOrderViewPage(input: {
  nonce: string;
  storeName: string;
  brandColor: string | null;
  config: OrderViewClientConfig;
}): string {
  // The inline script's entry point takes exactly this config (main.js is type-checked through here).
  const config: Parameters<typeof start>[0] = input.config;
  const { nonce } = input;
  const strings = ORDER_VIEW_STRINGS[config.locale];
  return htmlDocument({
    nonce,
    title: `${strings.title} · ${input.storeName}`,
    color: input.brandColor,
    lang: config.locale,
    body: `<main id="app" aria-live="polite"><div class="state"><p>${escapeHtml(strings.waiting)}</p></div></main>
<script type="application/json" id="order-view-config">${scriptJson(config)}</script>
<script nonce="${nonce}">(function(){"use strict";
${SCRIPT}
start(JSON.parse(document.getElementById("order-view-config").textContent));
})();</script>`,
  });
}

/** The page for a refused token: plain words, no script, nothing about the store. */
export function renderOrderViewErrorPage(input: { nonce: string; locale: OrderViewLocale; message: string }): string {
  return htmlDocument({
    nonce: input.nonce,
    title: ORDER_VIEW_STRINGS[input.locale].title,
    color: null,
    lang: input.locale,
    body: `<main><div class="state error"><p>${escapeHtml(input.message)}</p></div></main>`,
  });
}
