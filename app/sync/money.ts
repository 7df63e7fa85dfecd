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

export function formatMoney(value: Thousandths): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const cents = (abs + 5n) / 10n; // round half up to two decimals
  const text = `${cents / 100n}.${(cents % 100n).toString().padStart(2, "0")}`;
  return negative ? `-${text}` : text;
}

export function moneyToNumber(value: Thousandths): number {
  return Number(formatMoney(value));
}
