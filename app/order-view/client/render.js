// @ts-check
/** DOM for the order view. Server data only ever becomes text nodes or vetted http(s) links. */

import { fill, formatAmount, formatDate, orderBadges, shipmentStatus, timeAgo } from "./format.js";

/** @typedef {import("../strings").OrderViewStrings} Strings */
/** @typedef {import("../types").OrderViewOrder} Order */
/** @typedef {import("../types").OrderViewCustomer} Customer */
/** @typedef {import("../types").OrderViewSuggestion} Suggestion */
/** @typedef {{ strings: Strings, locale: string, now: number }} Words */

/**
 * @param {string} tag
 * @param {string} className
 * @param {...(Node | string | null | undefined | false)} children
 */
export function h(tag, className, ...children) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  for (const child of children) if (child) element.append(child);
  return element;
}

/**
 * A link that opens in a new tab, or plain text when the URL is not http(s).
 * @param {string | null} href
 * @param {string} text
 * @param {boolean} [arrow] mark it as leaving the panel (hidden from screen readers)
 */
export function externalLink(href, text, arrow = false) {
  if (!href || !/^https?:\/\//i.test(href)) return h("span", "", text);
  const mark = arrow ? h("span", "", " ↗") : null;
  mark?.setAttribute("aria-hidden", "true");
  const a = h("a", "", text, mark);
  a.setAttribute("href", href);
  a.setAttribute("target", "_blank");
  a.setAttribute("rel", "noopener noreferrer");
  return a;
}

/**
 * @param {string} label
 * @param {(self: HTMLButtonElement) => void} onClick
 * @param {string} [className]
 */
export function button(label, onClick, className = "") {
  const b = /** @type {HTMLButtonElement} */ (h("button", className, label));
  b.type = "button";
  b.addEventListener("click", () => onClick(b));
  return b;
}

/**
 * A whole-panel message: waiting, empty or an error, optionally with a button.
 * @param {string} text
 * @param {{ error?: boolean, action?: HTMLElement }} [options]
 */
export function stateView(text, { error = false, action } = {}) {
  return h("div", error ? "state error" : "state", h("p", "", text), action);
}

/**
 * @param {Customer} customer
 * @param {{ verified: boolean, resync: HTMLElement, notice: HTMLElement }} extra
 * @param {Words} words
 */
export function customerCard(customer, extra, { strings, locale, now }) {
  const contact = [customer.email, customer.phone].filter(Boolean).join(" · ");
  const count = customer.orderCount === 1 ? strings.oneOrder : fill(strings.orders, { n: customer.orderCount });
  const spent = fill(strings.spent, { amount: formatAmount(customer.totalSpent, customer.currency, locale) });
  const since = customer.customerSince && fill(strings.since, { date: formatDate(customer.customerSince, locale) });
  return h(
    "section",
    "card customer",
    h(
      "div",
      "head",
      h("div", "", h("h1", "", customer.name ?? strings.unnamed), contact && h("div", "muted small", contact)),
      h("span", "tier", customer.tier),
    ),
    extra.verified ? h("div", "verified", `✓ ${strings.verified}`) : h("div", "caution", strings.notVerified),
    h(
      "div",
      "row small",
      h("span", "", count),
      customer.orderCount > 0 && h("span", "", spent),
      since && h("span", "muted", since),
    ),
    customer.tags.length > 0 && h("div", "tags", ...customer.tags.map((tag) => h("span", "tag", tag))),
    h("div", "row small", externalLink(customer.adminUrl, strings.openInShopify, true)),
    h(
      "div",
      "fresh",
      h("span", "muted small", fill(strings.synced, { when: timeAgo(customer.syncedAt, now, locale) })),
      extra.resync,
    ),
    extra.notice,
  );
}

/**
 * @param {Order} order
 * @param {Words} words
 */
export function orderCard(order, { strings, locale }) {
  const money = (/** @type {string} */ amount) => formatAmount(amount, order.currency, locale);
  const items = order.lineItems.map((item) =>
    h(
      "li",
      "",
      h(
        "span",
        "",
        `${item.quantity} × ${item.title}`,
        item.variantTitle && h("span", "variant", ` — ${item.variantTitle}`),
      ),
      h("span", "", money(item.price)),
    ),
  );
  const tracking = order.tracking.map((t) =>
    h(
      "li",
      "",
      externalLink(t.url, [t.company, t.number].filter(Boolean).join(" ")),
      t.status && h("span", "muted", ` · ${shipmentStatus(t.status, strings)}`),
    ),
  );
  return h(
    "article",
    "card order",
    h("div", "head", h("h2", "", externalLink(order.adminUrl, order.name)), h("span", "total", money(order.total))),
    h(
      "div",
      "meta",
      h("span", "muted small", formatDate(order.createdAt, locale)),
      h("span", "badges", ...orderBadges(order, strings).map(([label, tone]) => h("span", `badge ${tone}`, label))),
    ),
    items.length > 0 && h("ul", "items", ...items),
    tracking.length > 0 && h("div", "tracking", h("strong", "", `${strings.tracking}: `), h("ul", "", ...tracking)),
    order.refunded && h("div", "refund", fill(strings.refunded, { amount: money(order.refunded) })),
  );
}

/**
 * @param {Suggestion} suggestion
 * @param {Strings} strings
 */
export function suggestionCard(suggestion, strings) {
  return h(
    "section",
    "card suggestion",
    h("h1", "", strings.suggestionTitle),
    h("p", "", strings.suggestionBody),
    h("p", "", h("strong", "", suggestion.name ?? strings.unnamed), h("span", "muted", ` · ${suggestion.email}`)),
    externalLink(suggestion.adminUrl, strings.openInShopify, true),
  );
}
