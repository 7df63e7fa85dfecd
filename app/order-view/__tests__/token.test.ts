import { readOrderViewToken, signOrderViewToken } from "~/order-view/token.server";

const secret = "s".repeat(40);

describe("order-view token", () => {
  it("carries the shop and version it was signed with", () => {
    // WHEN
    const token = signOrderViewToken({ shop: "a.myshopify.com", version: 3 }, secret);
    // THEN
    expect(readOrderViewToken(token, secret)).toEqual({ shop: "a.myshopify.com", version: 3 });
  });

  it("rejects a token signed with another secret", () => {
    const token = signOrderViewToken({ shop: "a.myshopify.com", version: 1 }, "o".repeat(40));
    expect(readOrderViewToken(token, secret)).toBeUndefined();
  });

  it("rejects a token whose shop was swapped", () => {
    // GIVEN a valid token for shop a
    const [, signature] = signOrderViewToken({ shop: "a.myshopify.com", version: 1 }, secret).split(".");
    const forgedBody = Buffer.from(JSON.stringify({ s: "b.myshopify.com", v: 1 })).toString("base64url");
    // THEN
    expect(readOrderViewToken(`${forgedBody}.${signature}`, secret)).toBeUndefined();
  });

  it("rejects garbage", () => {
    for (const token of ["", "abc", "a.b.c", "..", "eyJ.x"]) expect(readOrderViewToken(token, secret)).toBeUndefined();
  });
});
