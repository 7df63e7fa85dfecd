const LONG_DIGIT_RUN = /\d{16}/;

/** Whether plain JSON.parse could round a number in this text: only a run of 16+ digits can. */
export function mayHoldUnsafeIntegers(text: string): boolean {
  return LONG_DIGIT_RUN.test(text);
}

/**
 * JSON.parse for Shopify webhook bodies without losing ids. Shopify ids can exceed 2^53, which
 * JSON.parse silently rounds (820982911946154508 → 820982911946154500); that would point a
 * contact at the wrong customer. Integers that are not safe come back as their exact digits.
 */
export function parseShopifyJson(text: string): unknown {
  if (!mayHoldUnsafeIntegers(text)) return JSON.parse(text);
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
