import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium } from "../support/browser";
import { chatwootRequests, eventually, OBSERVE_PAGE, openChat, sdkCallsOf } from "../support/storefront-browser";
import { startStorefrontHarness, type StorefrontHarness } from "../support/storefront-harness";

// The chat embed's real Liquid on the sandbox storefront, the Chatwoot simulator with its SDK
// stand-in, and Debian's Chromium.
describe("the storefront chat embed in a browser", () => {
  let harness: StorefrontHarness;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const shots = mkdtempSync(path.join(tmpdir(), "cw-widget-"));

  beforeAll(async () => {
    harness = await startStorefrontHarness();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(OBSERVE_PAGE);
    page = await context.newPage();
  });
  afterEach(() => context.close());

  it("shows the launcher to an anonymous shopper and asks Chatwoot for nothing before they reach for it", async () => {
    // GIVEN
    const requests = chatwootRequests(page, harness);
    // WHEN the page loads and the shopper reads it for a while
    await page.goto(harness.pageUrl, { waitUntil: "load" });
    await page.waitForTimeout(1500);
    // THEN
    await expect(page.getByRole("button", { name: "Chat with us" }).isVisible()).resolves.toBe(true);
    expect(requests).toEqual([]);
    expect(await page.evaluate(() => typeof (window as { chatwootSDK?: unknown }).chatwootSDK)).toBe("undefined");
    await page.screenshot({ path: path.join(shots, "launcher.png") });
  });

  it("loads the SDK on the first click and opens the store's widget above the launcher, with one launcher and no layout shift", async () => {
    // GIVEN
    const requests = chatwootRequests(page, harness);
    const token = harness.workspace.inbox.channel.websiteToken;
    await page.goto(harness.pageUrl);
    // WHEN
    await openChat(page);
    // THEN the SDK ran once with the store's token, and its iframe is the store's widget
    expect(requests.filter((u) => u.endsWith("/packs/js/sdk.js"))).toHaveLength(1);
    expect(requests.some((u) => u.startsWith(`${harness.chatwootUrl}/widget?website_token=${token}`))).toBe(true);
    await eventually(() => sdkCallsOf(harness).some((c) => c.kind === "run"), "the SDK's run call");
    // ... Chatwoot's own bubble stays hidden, ours shows the open state, nothing moved
    await expect(page.locator(".woot-widget-bubble").isVisible()).resolves.toBe(false);
    await expect(page.locator("#cw-embed button").getAttribute("aria-expanded")).resolves.toBe("true");
    expect(await page.evaluate(() => (window as unknown as { __layoutShift: number }).__layoutShift)).toBe(0);
    const launcher = (await page.locator("#cw-embed").boundingBox())!;
    const widget = (await page.locator(".woot-widget-holder").boundingBox())!;
    expect(Math.abs(widget.x + widget.width - (launcher.x + launcher.width))).toBeLessThanOrEqual(1);
    expect(widget.y + widget.height).toBeLessThan(launcher.y);
    await page.screenshot({ path: path.join(shots, "open.png") });
    // WHEN the shopper clicks the launcher again THEN the widget closes
    await page.locator("#cw-embed button").click();
    await page.locator(".woot-widget-holder.woot--hide").waitFor({ state: "attached" });
  });

  it("loads the SDK on hover without opening the widget", async () => {
    // GIVEN
    const requests = chatwootRequests(page, harness);
    await page.goto(harness.pageUrl);
    // WHEN
    await page.locator("#cw-embed button").hover();
    // THEN
    await eventually(() => requests.some((u) => u.includes("/widget?")), "the widget iframe");
    await page.waitForTimeout(300);
    await expect(page.locator(".woot-widget-holder").getAttribute("class")).resolves.toContain("woot--hide");
  });

  it("loads at once for a returning shopper with a Chatwoot conversation cookie, so agent replies still arrive", async () => {
    // GIVEN a first visit that opened the chat
    await page.goto(harness.pageUrl);
    await openChat(page);
    await eventually(async () => (await context.cookies()).some((c) => c.name === "cw_conversation"), "the cookie");
    // WHEN the shopper opens another page
    const requests = chatwootRequests(page, harness);
    await page.goto(`${harness.pageUrl}?page=product`);
    // THEN the widget loads without any interaction, closed
    await eventually(() => requests.some((u) => u.includes("cw_conversation=")), "the resumed widget session");
    await expect(page.locator("#cw-embed button").getAttribute("aria-expanded")).resolves.toBe("false");
  });

  it("loads on idle when the merchant chose that, on the left, in the shopper's language", async () => {
    // GIVEN
    const requests = chatwootRequests(page, harness);
    // WHEN
    await page.goto(`${harness.pageUrl}?load_mode=idle&position=left&locale=nl`);
    // THEN
    await eventually(() => requests.some((u) => u.includes("/widget?")), "the idle load");
    await expect(page.getByRole("button", { name: "Chat met ons" }).isVisible()).resolves.toBe(true);
    const settings = await page.evaluate(() => (window as { chatwootSettings?: unknown }).chatwootSettings);
    expect(settings).toMatchObject({ locale: "nl", position: "left", hideMessageBubble: true });
    expect((await page.locator("#cw-embed").boundingBox())!.x).toBeLessThan(40);
  });

  it.each([
    ["on a page type the merchant hid it on", "?page=cart&hide_on=password,%20cart"],
    ["when the merchant switched the setting off", "?enabled=false"],
  ])("renders nothing %s", async (_case, query) => {
    // WHEN
    await page.goto(`${harness.pageUrl}${query}`);
    // THEN
    await expect(page.locator("#cw-embed").count()).resolves.toBe(0);
  });

  it("shows the launcher in the theme editor but never loads Chatwoot there", async () => {
    // GIVEN
    const requests = chatwootRequests(page, harness);
    await page.goto(`${harness.pageUrl}?design_mode=1&customer=ada`);
    // WHEN
    await page.locator("#cw-embed button").click();
    await page.waitForTimeout(800);
    // THEN
    expect(requests).toEqual([]);
    const config = JSON.parse((await page.locator("#cw-embed").getAttribute("data-config"))!) as { customer: unknown };
    expect(config.customer).toBeNull();
  });

  it("renders no chat and breaks nothing for a store that is not provisioned yet", async () => {
    // GIVEN
    const restore = harness.unprovision();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    try {
      // WHEN
      await page.goto(`${harness.pageUrl}?customer=ada`);
      // THEN
      await expect(page.locator("#cw-embed").count()).resolves.toBe(0);
      await expect(page.getByRole("heading", { name: "New season, same good basics" }).isVisible()).resolves.toBe(true);
      expect(errors).toEqual([]);
    } finally {
      restore();
    }
  });
});
