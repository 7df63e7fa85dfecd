/**
 * Chatwoot rejects a contact whose phone is not E.164 (422 for the whole write), so a phone that
 * cannot be made E.164 is left out rather than sent. Shopify usually stores E.164 already.
 */
export function toE164(phone: string | null | undefined): string | undefined {
  if (!phone) return undefined;
  const compact = phone.replace(/[\s().-]/g, "");
  const withPlus = compact.startsWith("00") ? `+${compact.slice(2)}` : compact;
  return /^\+[1-9]\d{7,14}$/.test(withPlus) ? withPlus : undefined;
}
