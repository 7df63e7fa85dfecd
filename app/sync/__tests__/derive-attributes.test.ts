import { deriveAttributes, type DerivationOrder } from "~/sync/derive-attributes";
import { formatMoney, parseMoney, roundToCurrency } from "~/sync/money";
import { refundAmount } from "~/sync/projection-fields";
import { DEFAULT_TIER_THRESHOLDS, tierFor, tierThresholdsSchema } from "~/sync/tiers";

const SHOP = "alpha-store.myshopify.com";
const customer = { customerId: "42", tags: "vip, wholesale", acceptsMarketing: true };

function order(overrides: Partial<DerivationOrder> = {}): DerivationOrder {
  return {
    name: "#1001",
    totalPrice: "100.00",
    totalRefunded: "0",
    financialStatus: "paid",
    fulfillmentStatus: null,
    cancelledAt: null,
    shopifyCreatedAt: new Date("2026-01-01T10:00:00Z"),
    deletedAt: null,
    ...overrides,
  };
}

describe("contact attributes from the projection", () => {
  it.each<{ name: string; orders: DerivationOrder[]; count: number; spent: number; tier: string }>([
    { name: "no orders", orders: [], count: 0, spent: 0, tier: "New" },
    { name: "one paid order", orders: [order()], count: 1, spent: 100, tier: "Bronze" },
    {
      name: "refunds are subtracted",
      orders: [order({ totalPrice: "300.00", totalRefunded: "75.50" })],
      count: 1,
      spent: 224.5,
      tier: "Bronze",
    },
    {
      name: "cancelled, voided and deleted orders do not count",
      orders: [
        order({ totalPrice: "400.00" }),
        order({ totalPrice: "900.00", cancelledAt: new Date() }),
        order({ totalPrice: "900.00", financialStatus: "voided" }),
        order({ totalPrice: "900.00", deletedAt: new Date() }),
      ],
      count: 1,
      spent: 400,
      tier: "Silver",
    },
    {
      name: "decimal sums stay exact",
      orders: [order({ totalPrice: "0.10" }), order({ totalPrice: "0.20" }), order({ totalPrice: "999.70" })],
      count: 3,
      spent: 1000,
      tier: "Gold",
    },
    {
      name: "a full refund never goes below zero",
      orders: [order({ totalPrice: "50.00", totalRefunded: "60.00" })],
      count: 1,
      spent: 0,
      tier: "Bronze",
    },
    { name: "exactly on a threshold", orders: [order({ totalPrice: "5000.00" })], count: 1, spent: 5000, tier: "VIP" },
  ])("$name", ({ orders, count, spent, tier }) => {
    // WHEN
    const attributes = deriveAttributes({ shop: SHOP, customer, orders, thresholds: DEFAULT_TIER_THRESHOLDS });
    // THEN
    expect(attributes.order_count).toBe(count);
    expect(attributes.total_spent).toBe(spent);
    expect(attributes.customer_tier).toBe(tier);
  });

  it.each([
    [{ financialStatus: "paid", fulfillmentStatus: "fulfilled" }, "Paid, fulfilled"],
    [{ financialStatus: "pending", fulfillmentStatus: null }, "Payment pending, unfulfilled"],
    [
      { financialStatus: "partially_refunded", fulfillmentStatus: "partial" },
      "Partially refunded, partially fulfilled",
    ],
    [{ financialStatus: "paid", fulfillmentStatus: null, cancelledAt: new Date() }, "Cancelled"],
  ])("describes the last order's status %j as %s", (fields, text) => {
    const attributes = deriveAttributes({
      shop: SHOP,
      customer,
      orders: [order(fields)],
      thresholds: DEFAULT_TIER_THRESHOLDS,
    });
    expect(attributes.last_order_status).toBe(text);
  });

  it("takes the newest order, including a cancelled one, as the last order", () => {
    // GIVEN
    const orders = [
      order({ name: "#1001", shopifyCreatedAt: new Date("2026-01-01T00:00:00Z") }),
      order({ name: "#1003", shopifyCreatedAt: new Date("2026-03-01T00:00:00Z"), cancelledAt: new Date() }),
      order({ name: "#1002", shopifyCreatedAt: new Date("2026-02-01T00:00:00Z") }),
    ];
    // WHEN
    const attributes = deriveAttributes({ shop: SHOP, customer, orders, thresholds: DEFAULT_TIER_THRESHOLDS });
    // THEN
    expect(attributes).toMatchObject({
      last_order_number: "#1003",
      last_order_at: "2026-03-01T00:00:00.000Z",
      last_order_status: "Cancelled",
      order_count: 2,
    });
  });

  it("links the customer in the Shopify admin and carries tags and marketing consent", () => {
    const attributes = deriveAttributes({ shop: SHOP, customer, orders: [], thresholds: DEFAULT_TIER_THRESHOLDS });
    expect(attributes.shopify_customer).toBe("https://admin.shopify.com/store/alpha-store/customers/42");
    expect(attributes.shopify_tags).toBe("vip, wholesale");
    expect(attributes.accepts_marketing).toBe(true);
    expect(attributes.last_order_at).toBeNull();
  });

  it("uses the store's own thresholds", () => {
    const thresholds = { Bronze: 0, Silver: 10, Gold: 20, VIP: 30 };
    expect(tierFor(25, 3, thresholds)).toBe("Gold");
    expect(tierFor(25, 3, DEFAULT_TIER_THRESHOLDS)).toBe("Bronze");
  });
});

describe("money", () => {
  it.each([
    ["0", "0.00"],
    ["12.3", "12.30"],
    ["-4.005", "-4.005"],
    ["1.235", "1.235"],
    ["7.250", "7.25"],
    ["1234567.891", "1234567.891"],
  ])("parses %s and formats it exactly as %s", (input, output) => {
    expect(formatMoney(parseMoney(input))).toBe(output);
  });

  it("keeps a refund in a three-decimal currency exact", () => {
    const transaction = { kind: "refund", status: "success", amount: "1.235" };
    expect(refundAmount({ transactions: [transaction, { ...transaction, amount: "0.010" }] } as never)).toBe("1.245");
  });

  it.each([
    ["3.3333", "USD", "3.33"],
    ["-4.005", "EUR", "-4.01"],
    ["1.235", "KWD", "1.235"],
    ["1234.5", "JPY", "1235.00"],
    ["2.675", "XYZ", "2.68"],
  ])("rounds %s to what %s can hold: %s", (input, currency, output) => {
    expect(formatMoney(roundToCurrency(parseMoney(input), currency))).toBe(output);
  });
});

describe("tier thresholds form", () => {
  it("accepts rising amounts", () => {
    expect(tierThresholdsSchema.safeParse({ Bronze: "0", Silver: "100", Gold: "500", VIP: "2000" }).success).toBe(true);
  });

  it("names each field that is wrong", () => {
    const result = tierThresholdsSchema.safeParse({ Bronze: "-1", Silver: "abc", Gold: "50", VIP: "40" });
    expect(result.success).toBe(false);
    expect(new Set(result.error!.issues.map((i) => i.path[0]))).toEqual(new Set(["Bronze", "Silver"]));
  });

  it("asks for an amount in a field left blank instead of taking it as 0", () => {
    const result = tierThresholdsSchema.safeParse({ Bronze: " ", Silver: "100", Gold: "500", VIP: "2000" });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path[0], i.message])).toEqual([["Bronze", "Enter an amount"]]);
  });

  it("requires each tier to start above the one below it", () => {
    const result = tierThresholdsSchema.safeParse({ Bronze: "0", Silver: "100", Gold: "100", VIP: "40" });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["Gold", "Must be more than Silver"],
      ["VIP", "Must be more than Gold"],
    ]);
  });
});
