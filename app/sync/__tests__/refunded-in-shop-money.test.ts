import { formatMoney, parseMoney } from "~/sync/money";
import { refundedInShopMoney, type OrderCurrencies } from "~/sync/refunded-in-shop-money";

const order = (overrides: Partial<OrderCurrencies> = {}): OrderCurrencies => ({
  currency: "EUR",
  totalPrice: "100.00",
  presentmentCurrency: "EUR",
  presentmentTotal: "100.00",
  ...overrides,
});

describe("a refund in the store's currency", () => {
  it.each<{ name: string; order: OrderCurrencies; refunded: string; expected: string }>([
    {
      name: "an order paid in the store's currency keeps its refund",
      order: order(),
      refunded: "30.00",
      expected: "30.00",
    },
    {
      name: "an order paid in another currency converts at its own rate",
      order: order({ presentmentCurrency: "USD", presentmentTotal: "110.00" }),
      refunded: "33.00",
      expected: "30.00",
    },
    {
      name: "a full refund in the customer's currency equals the store total exactly",
      order: order({ totalPrice: "89.99", presentmentCurrency: "JPY", presentmentTotal: "14523" }),
      refunded: "14523",
      expected: "89.99",
    },
    {
      name: "the conversion keeps thousandths (the store currency's rounding comes after the sum)",
      order: order({ totalPrice: "10.00", presentmentCurrency: "USD", presentmentTotal: "3.00" }),
      refunded: "1.00",
      expected: "3.333",
    },
    {
      name: "an order stored before the presentment currency was kept is taken as is",
      order: order({ presentmentCurrency: null, presentmentTotal: null }),
      refunded: "12.34",
      expected: "12.34",
    },
    {
      name: "a free order in another currency refunds nothing in store money",
      order: order({ totalPrice: "0.00", presentmentCurrency: "USD", presentmentTotal: "0.00" }),
      refunded: "5.00",
      expected: "0.00",
    },
  ])("$name", ({ order, refunded, expected }) => {
    expect(formatMoney(refundedInShopMoney(order, parseMoney(refunded)))).toBe(expected);
  });
});
