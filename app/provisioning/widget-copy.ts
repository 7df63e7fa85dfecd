/** The widget's first words, in the store's language where we have them. */
const COPY: Record<string, { title: (store: string) => string; tagline: string }> = {
  en: {
    title: (store) => `Hi! Welcome to ${store}`,
    tagline: "Questions about an order or a product? Ask us here, we usually reply within minutes.",
  },
  nl: {
    title: (store) => `Hoi! Welkom bij ${store}`,
    tagline: "Vragen over een bestelling of product? Stel ze hier, we reageren meestal binnen een paar minuten.",
  },
};

/** Used when Shopify has no usable brand colour for the store: neutral, readable on white. */
export const NEUTRAL_WIDGET_COLOR = "#1f2937";

export function widgetCopy(locale: string, storeName: string) {
  const copy = COPY[locale.split(/[-_]/)[0] ?? "en"] ?? COPY.en!;
  return { welcome_title: copy.title(storeName), welcome_tagline: copy.tagline };
}
