import { frameAncestors, parentOrigins } from "../origins";

const config = {
  signingSecret: "s".repeat(40),
  chatwootUrl: "https://chat.example.com/",
  appUrl: "https://app.example.com",
};

describe("who may frame the order view", () => {
  it("is only the Chatwoot origin in production", () => {
    expect(parentOrigins(config, "a.myshopify.com")).toEqual(["https://chat.example.com"]);
    expect(frameAncestors(parentOrigins(config, undefined))).toBe("frame-ancestors https://chat.example.com");
  });

  it("adds the app's own origin for the sandbox store only, so the sandbox host page can frame it", () => {
    // GIVEN a sandbox environment
    const sandbox = { ...config, sandboxShop: "demo-store.myshopify.com" };
    // THEN
    expect(parentOrigins(sandbox, "demo-store.myshopify.com")).toEqual([
      "https://chat.example.com",
      "https://app.example.com",
    ]);
    expect(parentOrigins(sandbox, "other.myshopify.com")).toEqual(["https://chat.example.com"]);
    expect(parentOrigins(sandbox, undefined)).toEqual(["https://chat.example.com"]);
  });
});
