/**
 * Chatwoot answers an unknown account locale with a 500, so map Shopify's locale (e.g. "pt-BR",
 * "nl") to one Chatwoot ships, and fall back to English.
 */
const CHATWOOT_LOCALES = new Set([
  "ar",
  "bg",
  "ca",
  "cs",
  "da",
  "de",
  "el",
  "en",
  "es",
  "fa",
  "fi",
  "fr",
  "he",
  "hi",
  "hu",
  "id",
  "is",
  "it",
  "ja",
  "ko",
  "lt",
  "lv",
  "ml",
  "ms",
  "nl",
  "no",
  "pl",
  "pt",
  "pt_BR",
  "ro",
  "ru",
  "sk",
  "sr",
  "sv",
  "ta",
  "th",
  "tr",
  "uk",
  "vi",
  "zh_CN",
  "zh_TW",
]);

export function toChatwootLocale(shopifyLocale: string): string {
  const normalised = shopifyLocale.replace("-", "_");
  if (CHATWOOT_LOCALES.has(normalised)) return normalised;
  const language = normalised.split("_")[0] ?? "en";
  return CHATWOOT_LOCALES.has(language) ? language : "en";
}
