import { gzipSync } from "node:zlib";
import { brandPalette } from "../page/brand-color";
import { renderOrderViewErrorPage, renderOrderViewPage } from "../page/render-page.server";
import { ORDER_VIEW_STRINGS } from "../strings";

const page = (patch: { storeName?: string; token?: string; brandColor?: string | null } = {}) =>
  renderOrderViewPage({
    nonce: "bm9uY2U=",
    storeName: patch.storeName ?? "Demo Store",
    brandColor: patch.brandColor ?? "#0b6e4f",
    config: {
      token: patch.token ?? "abc.def",
      api: "/order-view/api",
      parentOrigins: ["https://chat.example.com"],
      strings: ORDER_VIEW_STRINGS,
      locale: "en",
    },
  });

describe("the order view page", () => {
  it("weighs well under 30 KB gzipped, HTML, CSS and script together", () => {
    // THEN
    const html = page();
    expect(gzipSync(html).length).toBeLessThan(30 * 1024);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+stylesheet/);
  });

  it("inlines the client modules as one plain script, without module syntax", () => {
    const script = page().match(/<script nonce="bm9uY2U=">([\s\S]*?)<\/script>/)![1]!;
    expect(script).not.toMatch(/^\s*(import|export) /m);
    expect(script).toContain("chatwoot-dashboard-app:fetch-info");
    expect(() => new Function(script)).not.toThrow();
  });

  it("cannot be broken out of by a store name or config value", () => {
    // WHEN
    const html = page({ storeName: "</title><script>alert(1)</script>", token: "</script><script>alert(2)</script>" });
    // THEN
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("&#60;/title&#62;");
  });

  it("uses the store color, and falls back when it is not a plain hex color", () => {
    expect(page({ brandColor: "#ff0000" })).toContain("--brand:#ff0000");
    expect(page({ brandColor: "red;}body{display:none" })).toContain("--brand:#1f93ff");
  });

  it("puts readable text on the brand color and keeps pale colors out of links", () => {
    expect(brandPalette("#0b6e4f")).toEqual({ brand: "#0b6e4f", onBrand: "#ffffff", link: "#0b6e4f" });
    expect(brandPalette("#ffd400")).toEqual({ brand: "#ffd400", onBrand: "#111111", link: "#1f5fbf" });
  });

  it("explains a refused link in plain words without any script", () => {
    const html = renderOrderViewErrorPage({ nonce: "n", locale: "nl", message: ORDER_VIEW_STRINGS.nl.unauthorized });
    expect(html).toContain("niet geldig");
    expect(html).not.toContain("<script");
  });
});
