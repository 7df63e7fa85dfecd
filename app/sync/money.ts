/**
 * Money as exact integers (thousandths of the currency unit), so sums of Shopify's decimal strings
 * never pick up floating-point error. Three decimals cover every currency Shopify sells in.
 */
export type Thousandths = bigint;

export function parseMoney(decimal: string): Thousandths {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal.trim());
  if (!match) throw new Error(`not a decimal amount: ${decimal}`);
  const [, sign, whole, fraction = ""] = match;
  const value = BigInt(whole!) * 1000n + BigInt((fraction + "000").slice(0, 3));
  return sign ? -value : value;
}

/** The exact amount: two decimals, or three where it has thousandths (KWD, BHD, a converted sum). */
export function formatMoney(value: Thousandths): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const fraction = (abs % 1000n).toString().padStart(3, "0");
  const text = `${abs / 1000n}.${fraction.endsWith("0") ? fraction.slice(0, 2) : fraction}`;
  return negative ? `-${text}` : text;
}

const minorUnits = new Map<string, number>();

/** The currency's own decimals (ISO 4217): 2 for EUR, 3 for KWD, 0 for JPY; 2 for a code Intl does not know. */
export function currencyDecimals(currency: string): number {
  let digits = minorUnits.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits;
    } catch {
      digits = 2;
    }
    minorUnits.set(currency, (digits = Math.min(3, Math.max(0, digits ?? 2))));
  }
  return digits;
}

/** Rounded half away from zero to what the currency can hold, as an amount converted into it must be. */
export function roundToCurrency(value: Thousandths, currency: string): Thousandths {
  const step = 10n ** BigInt(3 - currencyDecimals(currency));
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const rounded = ((abs + step / 2n) / step) * step;
  return negative ? -rounded : rounded;
}

export function moneyToNumber(value: Thousandths): number {
  return Number(formatMoney(value));
}
