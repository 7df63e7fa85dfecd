import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { SYNC_TOPICS, type SyncTopic } from "~/sync/payloads";
import { parseShopifyJson } from "~/sync/shopify-json";
import { customerBody, orderBody, refundBody } from "~/sandbox/shopify-webhook-bodies";

// Shopify's own example bodies (webhook reference, API 2025-10) live beside the project in
// ../shared when it is checked out there; they are read, never copied.
const examples = path.resolve(import.meta.dirname, "../../../shared/shopify-payloads");
const haveExamples = existsSync(examples);
if (!haveExamples) console.warn(`[shopify-payloads] skipped: ${examples} is not present`);

describe.skipIf(!haveExamples)("Shopify's documented example bodies", () => {
  it.each(Object.keys(SYNC_TOPICS) as SyncTopic[])("%s parses with the sync's schema", (topic) => {
    // GIVEN
    const raw = readFileSync(path.join(examples, `${topic.replace("/", "__")}.json`), "utf8");
    // WHEN
    const result = SYNC_TOPICS[topic].safeParse(parseShopifyJson(raw));
    // THEN
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it("keeps ids beyond 2^53 exact", () => {
    const raw = readFileSync(path.join(examples, "orders__create.json"), "utf8");
    const order = SYNC_TOPICS["orders/create"].parse(parseShopifyJson(raw));
    expect(order.id).toBe("820982911946154508");
    expect(order.customer?.id).toBe("115310627314723954");
  });
});

describe("webhook payload parsing", () => {
  it("reads a large id exactly even without a GraphQL id", () => {
    const parsed = SYNC_TOPICS["orders/delete"].parse(parseShopifyJson('{"id": 820982911946154508}'));
    expect(parsed.id).toBe("820982911946154508");
  });

  it("ignores fields it does not use and keeps what the projection needs", () => {
    // GIVEN
    const body = orderBody({
      id: "5001",
      number: 1042,
      customer: { id: "77", email: "Ann@Example.com", firstName: "Ann", lastName: "Lee" },
      tracking: [{ company: "DHL", number: "JD0001", url: "https://track.example/JD0001" }],
      refunds: [{ id: "9", amount: "5.00" }],
    });
    // WHEN
    const order = SYNC_TOPICS["orders/updated"].parse(
      parseShopifyJson(JSON.stringify({ ...body, brand_new_field: 1 })),
    );
    // THEN
    expect(order).toMatchObject({ id: "5001", name: "#1042", customer: { id: "77" } });
    expect(order.fulfillments[0]?.tracking_numbers).toEqual(["JD0001"]);
    expect(order.refunds[0]?.id).toBe("9");
    expect("brand_new_field" in order).toBe(false);
  });

  it.each([
    [
      "a missing id",
      () => ({ ...customerBody({ id: "1", email: "a@b.c", firstName: "A", lastName: "B" }), id: undefined }),
    ],
    ["a non-numeric order total", () => ({ ...orderBody({ id: "1", number: 1 }), total_price: "lots" })],
    [
      "a refund without transactions' amounts",
      () => ({ ...refundBody({ id: "1", orderId: "2", amount: "1" }), transactions: [{ kind: "refund" }] }),
    ],
  ])("refuses %s", (_name, make) => {
    const topic: SyncTopic = _name.includes("refund")
      ? "refunds/create"
      : _name.includes("order")
        ? "orders/create"
        : "customers/update";
    expect(SYNC_TOPICS[topic].safeParse(make()).success).toBe(false);
  });
});
