// @ts-check
/** The order view's controller: ask Chatwoot for the conversation, then load, render, page and resync. */
/* global navigator, fetch, setTimeout, clearTimeout, URLSearchParams */

import { fill } from "./format.js";
import { FETCH_INFO, fromExpectedParent, parseAppContext, pickLocale } from "./protocol.js";
import { button, customerCard, h, orderCard, stateView, suggestionCard } from "./render.js";

/** @typedef {import("../types").OrderViewClientConfig} Config */
/** @typedef {import("../types").OrderViewPayload} Payload */
/** @typedef {import("../types").OrderViewOrder} Order */
/** @typedef {import("./protocol.js").AppContext} AppContext */
/** @typedef {{ status: number, body: any, retryAfter: number }} ApiResult */

const ASK_AGAIN_MS = 3000;
const GIVE_UP_MS = 8000;
const REFRESH_AFTER_RESYNC_MS = 5000;

/** @param {Config} config */
export function start(config) {
  const root = /** @type {HTMLElement} */ (document.getElementById("app"));
  const supported = Object.keys(config.strings);
  let locale = pickLocale(navigator.languages ?? [], supported, config.locale);
  /** @type {AppContext | undefined} */
  let context;
  /** @type {Payload | undefined} */
  let payload;
  /** @type {Order[]} */
  let orders = [];
  let generation = 0;
  let notice = "";
  let resyncing = false;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const strings = () => config.strings[/** @type {keyof Config["strings"]} */ (locale)];
  const show = (/** @type {HTMLElement} */ view) => root.replaceChildren(view);
  const ask = () => config.parentOrigins.forEach((origin) => window.parent.postMessage(FETCH_INFO, origin));

  /**
   * @param {"GET" | "POST"} method
   * @param {Record<string, string | number>} params
   * @returns {Promise<ApiResult>}
   */
  async function call(method, params) {
    const headers = { Authorization: `Bearer ${config.token}`, "Content-Type": "application/json" };
    const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
    try {
      const response =
        method === "GET"
          ? await fetch(`${config.api}?${query}`, { headers, cache: "no-store" })
          : await fetch(config.api, { method, headers, body: JSON.stringify(params) });
      const body = await response.json().catch(() => null);
      return { status: response.status, body, retryAfter: Number(response.headers.get("Retry-After")) || 0 };
    } catch {
      return { status: 0, body: null, retryAfter: 0 };
    }
  }

  /** @param {ApiResult} result */
  function problem(result) {
    const t = strings();
    if (result.status === 401) return t.unauthorized;
    if (result.status === 429) return fill(t.rateLimited, { n: result.retryAfter || 60 });
    return result.body?.error === "lookup_failed" ? t.lookupFailed : t.failed;
  }

  /** @param {number} page @param {boolean} [quiet] keep the current view while loading */
  async function load(page, quiet = false) {
    if (!context) return;
    const mine = ++generation;
    if (page === 1 && !quiet) show(stateView(strings().loading));
    const result = await call("GET", { contact: context.contactId, account: context.accountId, page });
    if (mine !== generation) return; // another conversation arrived meanwhile
    if (result.status !== 200 || !result.body) {
      if (page > 1) return void ((notice = problem(result)), render());
      const retry = result.status === 401 ? undefined : button(strings().retry, () => void load(page));
      return show(stateView(problem(result), { error: true, action: retry }));
    }
    const next = /** @type {Payload} */ (result.body);
    const items = next.status === "found" ? next.orders.items : [];
    orders = page === 1 ? items : [...orders, ...items];
    payload = next;
    render();
  }

  async function resync() {
    if (!context) return;
    const asked = context;
    resyncing = true;
    notice = "";
    render();
    const result = await call("POST", { intent: "resync", contact: asked.contactId, account: asked.accountId });
    // Another conversation arrived meanwhile: its view owns the notice and the button now.
    if (context?.contactId !== asked.contactId || context?.accountId !== asked.accountId) return;
    const queued = result.status === 202;
    notice = queued
      ? strings().resyncQueued
      : result.status === 401 || result.status === 429
        ? problem(result)
        : strings().resyncFailed;
    render();
    setTimeout(() => {
      if (context?.contactId !== asked.contactId || context?.accountId !== asked.accountId) return;
      resyncing = false;
      notice = "";
      if (queued) void load(1, true);
      else render();
    }, REFRESH_AFTER_RESYNC_MS);
  }

  function render() {
    document.documentElement.lang = locale;
    if (!payload || !context) return;
    const t = strings();
    if (payload.status === "unknown") return show(stateView(t.unknown));
    if (payload.status === "suggestion") return show(suggestionCard(payload.suggestion, t));
    const words = { strings: t, locale, now: Date.now() };
    const resyncButton = button(t.resync, () => void resync());
    resyncButton.disabled = resyncing;
    const page = payload.orders;
    const more =
      page.hasMore && button(t.showMore, (self) => ((self.disabled = true), void load(page.page + 1)), "more");
    show(
      h(
        "div",
        "",
        customerCard(
          payload.customer,
          { verified: context.verified, resync: resyncButton, notice: h("p", "notice", notice) },
          words,
        ),
        ...(orders.length ? orders.map((order) => orderCard(order, words)) : [stateView(t.noOrders)]),
        more,
      ),
    );
  }

  window.addEventListener("message", (event) => {
    if (!fromExpectedParent(event, config.parentOrigins, window.parent)) return;
    const next = parseAppContext(event.data);
    if (!next) return;
    clearTimeout(timer);
    const same = context?.contactId === next.contactId && context?.accountId === next.accountId;
    const nextLocale = pickLocale([next.locale], supported, locale);
    const changed = !same || nextLocale !== locale || next.verified !== context?.verified;
    context = next;
    locale = nextLocale;
    if (!same) {
      // Nothing of the previous contact may show under this conversation, even for a moment.
      payload = undefined;
      orders = [];
      notice = "";
      resyncing = false;
      void load(1);
    } else if (changed) render();
  });

  document.documentElement.lang = locale;
  if (window.parent === window) return show(stateView(strings().noContext));
  show(stateView(strings().waiting));
  ask();
  timer = setTimeout(() => {
    ask();
    timer = setTimeout(
      () => context || show(stateView(strings().noContext, { action: button(strings().retry, () => ask()) })),
      GIVE_UP_MS,
    );
  }, ASK_AGAIN_MS);
}
