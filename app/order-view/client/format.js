// @ts-check
/** Words, amounts, dates and status badges for the order view, in the agent's language. */

/** @typedef {import("../strings").OrderViewStrings} Strings */
/** @typedef {import("../types").OrderViewOrder} Order */

/**
 * @param {string} text
 * @param {Record<string, string | number>} values
 */
export function fill(text, values) {
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in values ? String(values[name]) : match));
}

/**
 * @param {string} amount decimal string
 * @param {string | null} currency
 * @param {string} locale
 */
export function formatAmount(amount, currency, locale) {
  if (!currency) return amount;
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency }).format(Number(amount));
  } catch {
    return `${amount} ${currency}`;
  }
}

/**
 * @param {string} iso
 * @param {string} locale
 */
export function formatDate(iso, locale) {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(new Date(iso));
}

/** @type {[Intl.RelativeTimeFormatUnit, number][]} */
const UNITS = [
  ["year", 31_536_000],
  ["month", 2_592_000],
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
];

/**
 * "2 minutes ago", "yesterday"...
 * @param {string} iso
 * @param {number} now epoch ms
 * @param {string} locale
 */
export function timeAgo(iso, now, locale) {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  for (const [unit, size] of UNITS)
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  return format.format(Math.min(0, seconds), "second");
}

/** @type {Record<string, string>} */
const TONES = {
  financial_paid: "good",
  financial_pending: "warn",
  financial_authorized: "warn",
  financial_partially_paid: "warn",
  financial_expired: "bad",
  fulfillment_fulfilled: "good",
  fulfillment_partial: "warn",
  fulfillment_unfulfilled: "warn",
};

/**
 * The status badges of an order, as [label, tone] pairs: cancelled, payment, delivery.
 * @param {Order} order
 * @param {Strings} strings
 * @returns {[string, string][]}
 */
export function orderBadges(order, strings) {
  const words = /** @type {Record<string, string>} */ (/** @type {unknown} */ (strings));
  /** @type {[string, string][]} */
  const badges = order.cancelled ? [[strings.cancelled, "bad"]] : [];
  const keys = [`financial_${order.financialStatus ?? ""}`];
  if (!order.cancelled) keys.push(`fulfillment_${order.fulfillmentStatus ?? "unfulfilled"}`);
  for (const key of keys) {
    const raw = key.slice(key.indexOf("_") + 1);
    if (raw) badges.push([words[key] ?? raw.replace(/_/g, " "), TONES[key] ?? ""]);
  }
  return badges;
}

/**
 * A carrier's shipment status ("in_transit") in words; one the table does not know, readable as is.
 * @param {string} status
 * @param {Strings} strings
 */
export function shipmentStatus(status, strings) {
  const words = /** @type {Record<string, string>} */ (/** @type {unknown} */ (strings));
  return words[`shipment_${status}`] ?? status.replace(/_/g, " ");
}
