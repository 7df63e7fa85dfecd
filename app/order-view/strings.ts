/**
 * Every word the order view shows, in English and Dutch. The page's script gets both tables and
 * picks one by the Chatwoot agent's locale when the context carries it, else the browser's.
 * `{n}`-style placeholders are filled in by the script.
 */
export const ORDER_VIEW_LOCALES = ["en", "nl"] as const;
export type OrderViewLocale = (typeof ORDER_VIEW_LOCALES)[number];

const en = {
  title: "Order history",
  waiting: "Waiting for the conversation from Chatwoot…",
  noContext: "Open this panel from a conversation in Chatwoot to see the customer's orders.",
  loading: "Loading orders…",
  retry: "Try again",
  unauthorized:
    "This order view link is not valid for this Chatwoot account. Ask the store's administrator to check the app's setup in Shopify.",
  rateLimited: "Too many requests. Try again in {n} seconds.",
  failed: "The orders could not be loaded. Try again in a moment.",
  lookupFailed: "Chatwoot could not be reached to look up this contact. Try again in a moment.",
  unknown: "No Shopify customer is linked to this contact yet. They may not have an account or orders.",
  suggestionTitle: "Possible match",
  suggestionBody:
    "A Shopify customer has this contact's e-mail address, but the contact is not linked to them. Check who you are talking to before you share order details.",
  openInShopify: "Open in Shopify",
  verified: "Verified by Shopify login",
  notVerified: "Not verified by Shopify login. Confirm who you are talking to before you share order details.",
  orders: "{n} orders",
  oneOrder: "1 order",
  spent: "{amount} spent",
  since: "Customer since {date}",
  synced: "Synced {when}",
  resync: "Resync this customer",
  resyncQueued: "Resync requested. This view refreshes in a few seconds.",
  resyncFailed: "The resync could not be requested.",
  noOrders: "This customer has no orders yet.",
  unnamed: "Unnamed customer",
  showMore: "Show more orders",
  tracking: "Tracking",
  refunded: "Refunded {amount}",
  cancelled: "Cancelled",
  financial_pending: "Payment pending",
  financial_authorized: "Authorized",
  financial_partially_paid: "Partially paid",
  financial_paid: "Paid",
  financial_partially_refunded: "Partially refunded",
  financial_refunded: "Refunded",
  financial_voided: "Voided",
  financial_expired: "Expired",
  fulfillment_fulfilled: "Fulfilled",
  fulfillment_partial: "Partially fulfilled",
  fulfillment_restocked: "Restocked",
  fulfillment_unfulfilled: "Unfulfilled",
  shipment_label_printed: "label printed",
  shipment_confirmed: "confirmed",
  shipment_in_transit: "in transit",
  shipment_out_for_delivery: "out for delivery",
  shipment_attempted_delivery: "delivery attempted",
  shipment_ready_for_pickup: "ready for pickup",
  shipment_delivered: "delivered",
  shipment_failure: "delivery failed",
};

export type OrderViewStrings = typeof en;

const nl: OrderViewStrings = {
  title: "Bestelgeschiedenis",
  waiting: "Wachten op het gesprek uit Chatwoot…",
  noContext: "Open dit paneel vanuit een gesprek in Chatwoot om de bestellingen van de klant te zien.",
  loading: "Bestellingen laden…",
  retry: "Opnieuw proberen",
  unauthorized:
    "Deze link naar het bestellingenoverzicht is niet geldig voor dit Chatwoot-account. Vraag de beheerder van de winkel de instellingen van de app in Shopify na te kijken.",
  rateLimited: "Te veel verzoeken. Probeer het over {n} seconden opnieuw.",
  failed: "De bestellingen konden niet worden geladen. Probeer het zo opnieuw.",
  lookupFailed: "Chatwoot was niet bereikbaar om dit contact op te zoeken. Probeer het zo opnieuw.",
  unknown:
    "Er is nog geen Shopify-klant aan dit contact gekoppeld. Misschien heeft deze persoon geen account of bestellingen.",
  suggestionTitle: "Mogelijke match",
  suggestionBody:
    "Een Shopify-klant heeft het e-mailadres van dit contact, maar het contact is niet aan die klant gekoppeld. Controleer met wie je praat voordat je bestelgegevens deelt.",
  openInShopify: "Openen in Shopify",
  verified: "Geverifieerd via Shopify-login",
  notVerified: "Niet geverifieerd via Shopify-login. Controleer met wie je praat voordat je bestelgegevens deelt.",
  orders: "{n} bestellingen",
  oneOrder: "1 bestelling",
  spent: "{amount} besteed",
  since: "Klant sinds {date}",
  synced: "Gesynchroniseerd {when}",
  resync: "Deze klant opnieuw synchroniseren",
  resyncQueued: "Synchronisatie aangevraagd. Dit overzicht wordt over een paar seconden ververst.",
  resyncFailed: "De synchronisatie kon niet worden aangevraagd.",
  noOrders: "Deze klant heeft nog geen bestellingen.",
  unnamed: "Klant zonder naam",
  showMore: "Meer bestellingen tonen",
  tracking: "Track & trace",
  refunded: "{amount} terugbetaald",
  cancelled: "Geannuleerd",
  financial_pending: "Betaling in behandeling",
  financial_authorized: "Geautoriseerd",
  financial_partially_paid: "Deels betaald",
  financial_paid: "Betaald",
  financial_partially_refunded: "Deels terugbetaald",
  financial_refunded: "Terugbetaald",
  financial_voided: "Vervallen",
  financial_expired: "Verlopen",
  fulfillment_fulfilled: "Verzonden",
  fulfillment_partial: "Deels verzonden",
  fulfillment_restocked: "Terug op voorraad",
  fulfillment_unfulfilled: "Niet verzonden",
  shipment_label_printed: "label aangemaakt",
  shipment_confirmed: "bevestigd",
  shipment_in_transit: "onderweg",
  shipment_out_for_delivery: "wordt vandaag bezorgd",
  shipment_attempted_delivery: "bezorgpoging gedaan",
  shipment_ready_for_pickup: "klaar om op te halen",
  shipment_delivered: "bezorgd",
  shipment_failure: "bezorging mislukt",
};

export const ORDER_VIEW_STRINGS: Record<OrderViewLocale, OrderViewStrings> = { en, nl };

/** The first supported language in an Accept-Language header; English otherwise. */
export function localeFromAcceptLanguage(header: string | null): OrderViewLocale {
  for (const part of (header ?? "").split(",")) {
    const language = part.split(";")[0]!.trim().slice(0, 2).toLowerCase();
    if ((ORDER_VIEW_LOCALES as readonly string[]).includes(language)) return language as OrderViewLocale;
  }
  return "en";
}
