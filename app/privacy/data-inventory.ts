/** What the app stores, where and for how long: shown on the Privacy page and written in PRIVACY.md. */
export const DATA_INVENTORY = [
  {
    what: "Customers: Shopify id, name, e-mail, phone, tags, marketing consent",
    where: "The app's database (Customer) and the store's own Chatwoot account (contact)",
    kept: "Until the customer is deleted or redacted in Shopify, or the store is redacted (48 h after uninstall)",
  },
  {
    what: "Orders: number, dates, statuses, totals, refunds, line items, tracking",
    where: "The app's database (Order, OrderRefund)",
    kept: "Until the order or customer is deleted or redacted, or the store is redacted",
  },
  {
    what: "Derived contact attributes (order count, total spent, tier, last order)",
    where: "The store's Chatwoot account",
    kept: "As long as the contact exists; removed with it",
  },
  {
    what: "Webhook delivery records (id, topic, status; no contents)",
    where: "The app's database (WebhookEvent)",
    kept: "Until the store is redacted",
  },
  {
    what: "Chatwoot service token, inbox identity secret, Shopify access token",
    where: "The app's database, encrypted with AES-256-GCM",
    kept: "Until the store is redacted",
  },
  {
    what: "Data-request exports",
    where: "The app's database (DataExport), downloadable on this page",
    kept: "Until the store is redacted",
  },
  {
    what: "Audit records (what was deleted or exported, with a hashed customer id)",
    where: "The app's database (AuditRecord)",
    kept: "Kept after redaction as proof; they contain no personal data",
  },
] as const;
