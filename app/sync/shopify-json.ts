const LONG_DIGIT_RUN = /\d{16}/;

/**
 * JSON.parse for Shopify webhook bodies without losing ids. Shopify ids can exceed 2^53, which
 * JSON.parse silently rounds (820982911946154508 → 820982911946154500); that would point a
 * contact at the wrong customer. Integers that are not safe come back as their exact digits.
 */
export function parseShopifyJson(text: string): unknown {
  // Only a run of 16 or more digits can be an unsafe integer; without one, the plain parse is exact.
  if (!LONG_DIGIT_RUN.test(text)) return JSON.parse(text);
  return JSON.parse(text, function (_key, value: unknown, context?: { source?: string }) {
    if (
      typeof value === "number" &&
      !Number.isSafeInteger(value) &&
      context?.source &&
      /^-?\d+$/.test(context.source)
    ) {
      return context.source;
    }
    return value;
  });
}
