import { fill, formatAmount, orderBadges, shipmentStatus, timeAgo } from "../client/format.js";
import { ORDER_VIEW_STRINGS } from "../strings";
import type { OrderViewOrder } from "../types";

const order = (patch: Partial<OrderViewOrder>): OrderViewOrder => ({
  id: "1",
  name: "#1001",
  adminUrl: "https://admin.shopify.com/store/a/orders/1",
  createdAt: "2026-01-01T00:00:00Z",
  financialStatus: "paid",
  fulfillmentStatus: null,
  cancelled: false,
  total: "10.00",
  currency: "EUR",
  refunded: null,
  lineItems: [],
  tracking: [],
  ...patch,
});

describe("the order view's words", () => {
  it("fills placeholders and leaves unknown ones", () => {
    expect(fill("{n} orders, {x}", { n: 3 })).toBe("3 orders, {x}");
  });

  it("formats amounts in the agent's language", () => {
    expect(formatAmount("1234.5", "EUR", "en")).toBe("€1,234.50");
    expect(formatAmount("1234.5", "EUR", "nl")).toMatch(/^€\s1\.234,50$/);
    expect(formatAmount("5.00", null, "en")).toBe("5.00");
  });

  it("says how long ago something was synced", () => {
    const now = Date.parse("2026-03-01T12:00:00Z");
    expect(timeAgo("2026-03-01T11:58:00Z", now, "en")).toBe("2 minutes ago");
    expect(timeAgo("2026-03-01T11:58:00Z", now, "nl")).toBe("2 minuten geleden");
    expect(timeAgo("2026-03-01T11:59:58Z", now, "en")).toBe("2 seconds ago");
  });

  it("badges payment and delivery, and only 'cancelled' plus payment for a cancelled order", () => {
    const en = ORDER_VIEW_STRINGS.en;
    expect(orderBadges(order({}), en)).toEqual([
      ["Paid", "good"],
      ["Unfulfilled", "warn"],
    ]);
    expect(orderBadges(order({ fulfillmentStatus: "fulfilled" }), ORDER_VIEW_STRINGS.nl)).toEqual([
      ["Betaald", "good"],
      ["Verzonden", "good"],
    ]);
    expect(orderBadges(order({ cancelled: true, financialStatus: "refunded" }), en)).toEqual([
      ["Cancelled", "bad"],
      ["Refunded", ""],
    ]);
  });

  it("shows a status it does not know in readable form rather than hiding it", () => {
    expect(orderBadges(order({ financialStatus: "on_hold_review" }), ORDER_VIEW_STRINGS.en)[0]).toEqual([
      "on hold review",
      "",
    ]);
  });

  it("puts a carrier's shipment status in words, and keeps an unknown one readable", () => {
    expect(shipmentStatus("in_transit", ORDER_VIEW_STRINGS.nl)).toBe("onderweg");
    expect(shipmentStatus("held_at_customs", ORDER_VIEW_STRINGS.en)).toBe("held at customs");
  });
});
