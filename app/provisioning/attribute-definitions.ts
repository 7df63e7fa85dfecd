/**
 * The contact attributes the sync writes, as Chatwoot definitions. Without a definition an
 * attribute is stored but invisible in the agent's sidebar and cannot be filtered on.
 * Money is a `number` (in the store's currency, named in the description): Chatwoot's filters
 * cannot compare `currency` attributes.
 */
export const CONTACT_ATTRIBUTE_DEFINITIONS = [
  { key: "order_count", name: "Orders", type: "number", description: "Orders placed in the Shopify store" },
  { key: "total_spent", name: "Total spent", type: "number", description: "Net of refunds, in the store's currency" },
  {
    key: "customer_tier",
    name: "Customer tier",
    type: "list",
    description: "From the store's tier thresholds",
    values: ["New", "Bronze", "Silver", "Gold", "VIP"],
  },
  { key: "last_order_at", name: "Last order", type: "date", description: "When the newest order was placed" },
  { key: "last_order_number", name: "Last order number", type: "text", description: "For example #1042" },
  { key: "last_order_status", name: "Last order status", type: "text", description: "Payment and fulfilment status" },
  { key: "shopify_customer", name: "Shopify customer", type: "link", description: "The customer in the Shopify admin" },
  { key: "shopify_tags", name: "Shopify tags", type: "text", description: "Customer tags in Shopify" },
  { key: "accepts_marketing", name: "Accepts marketing", type: "checkbox", description: "E-mail marketing consent" },
  { key: "shopify_synced_at", name: "Synced from Shopify", type: "date", description: "Last update from Shopify" },
] as const satisfies readonly {
  key: string;
  name: string;
  type: "text" | "number" | "currency" | "percent" | "link" | "date" | "list" | "checkbox";
  description: string;
  values?: readonly string[];
}[];

export type ContactAttributeKey = (typeof CONTACT_ATTRIBUTE_DEFINITIONS)[number]["key"];
