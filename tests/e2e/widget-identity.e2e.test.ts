import type { Browser, BrowserContext, Page } from "playwright-core";
import { identifierHash } from "../fakes/chatwoot";
import { launchChromium } from "../support/browser";
import {
  eventually,
  OBSERVE_PAGE,
  openChat,
  recordResponses,
  sdkCallsOf,
  setUserCalls,
  type SeenResponse,
} from "../support/storefront-browser";
import { startStorefrontHarness, type StorefrontHarness } from "../support/storefront-harness";

const ADA = "7012345678901";

/** Flips one hex digit of the customer's identifier_hash as soon as the embed is parsed. */
const TAMPER_HASH = `
  new MutationObserver((_, observer) => {
    const root = document.getElementById("cw-embed");
    if (!root) return;
    observer.disconnect();
    const config = JSON.parse(root.getAttribute("data-config"));
    config.customer.user.identifier_hash = config.customer.user.identifier_hash.replace(/^./, (c) => (c === "0" ? "1" : "0"));
    root.setAttribute("data-config", JSON.stringify(config));
  }).observe(document, { childList: true, subtree: true });
`;
const GRACE = "7012345678902";

// Verified identity on the storefront: Liquid signs the customer id on the server, the widget
// sends it with setUser, and the simulator checks it the way Chatwoot does (hmac_mandatory on).
describe("storefront chat identity", () => {
  let harness: StorefrontHarness;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let settled: () => Promise<void>;
  const responses: SeenResponse[] = [];
  const secrets: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());
  // A fresh store (inbox, secret, contacts) per case; the browser keeps nothing between cases.
  beforeEach(async () => {
    harness = await startStorefrontHarness();
    secrets.push(harness.hmacToken);
    context = await browser.newContext();
    await context.addInitScript(OBSERVE_PAGE);
    settled = recordResponses(context, responses);
    page = await context.newPage();
  });
  afterEach(async () => {
    await settled();
    await context.close();
    await harness.close();
  });

  const verifiedSetUser = (identifier: string) =>
    eventually(
      () => setUserCalls(harness).find((c) => c.params.identifier === identifier && c.status === 200 && c.hmacVerified),
      `a verified set_user for ${identifier}`,
    );

  it("identifies a logged-in customer with a hash Chatwoot accepts, after the widget is ready", async () => {
    // WHEN
    await page.goto(`${harness.pageUrl}?customer=ada`);
    await openChat(page);
    // THEN
    const call = await verifiedSetUser(ADA);
    expect(call.params).toMatchObject({ email: "ada@example.com", name: "Ada Lovelace", phone_number: "+31612345678" });
    expect(call.params.identifier_hash).toBe(identifierHash(harness.hmacToken, ADA));
    const frame = page.frameLocator("#chatwoot_live_chat_widget");
    await expect(frame.getByTestId("widget-identity").textContent()).resolves.toBe("Chatting as Ada Lovelace");
    expect(sdkCallsOf(harness).filter((c) => c.kind === "setUser")).toMatchObject([
      { identifier: ADA, skipped: false, loaded: true },
    ]);
  });

  it("has a tampered identifier_hash rejected by Chatwoot, and the page hears chatwoot:error", async () => {
    // GIVEN the shopper edits the signed hash in the page before the loader reads it
    // (a Playwright route cannot do it: Chromium then treats the page as public and blocks loopback).
    await context.addInitScript(TAMPER_HASH);
    // WHEN
    await page.goto(`${harness.pageUrl}?customer=ada`);
    await openChat(page);
    // THEN
    await eventually(() => setUserCalls(harness).find((c) => c.status === 401), "a refused set_user");
    expect(setUserCalls(harness).filter((c) => c.status === 200)).toEqual([]);
    expect(harness.sim.state.contacts.filter((c) => c.identifier === ADA)).toEqual([]);
    const errors = await eventually(
      () =>
        page
          .evaluate(() => (window as unknown as { __chatwootErrors: unknown[] }).__chatwootErrors)
          .then((e) => e.length > 0 && e),
      "chatwoot:error",
    );
    expect(errors).toEqual([{ error: "HMAC failed: Invalid Identifier Hash Provided" }]);
    const sent = setUserCalls(harness)[0]!.params.identifier_hash;
    expect(sent).toHaveLength(64);
    expect(sent).not.toBe(identifierHash(harness.hmacToken, ADA));
  });

  it("resets the widget before identifying a different customer on the same browser", async () => {
    // GIVEN Ada chatted on this browser
    await page.goto(`${harness.pageUrl}?customer=ada`);
    await openChat(page);
    const ada = await verifiedSetUser(ADA);
    const adaSession = (await context.cookies()).find((c) => c.name === "cw_conversation")?.value;
    // WHEN Grace logs in on the same browser
    await page.goto(`${harness.pageUrl}?customer=grace`);
    // THEN the widget was reset first, then Grace was identified in a fresh session
    const grace = await verifiedSetUser(GRACE);
    const kinds = sdkCallsOf(harness).map((c) => c.kind);
    expect(kinds.lastIndexOf("reset")).toBeGreaterThan(kinds.indexOf("run", 1));
    expect(kinds.lastIndexOf("setUser")).toBeGreaterThan(kinds.lastIndexOf("reset"));
    expect(grace.contactId).not.toBe(ada.contactId);
    // ... and no setUser reached the reloading widget early (Chatwoot would re-send it without its identifier)
    expect(setUserCalls(harness).map((c) => c.status)).toEqual([200, 200]);
    const graceSession = (await context.cookies()).find((c) => c.name === "cw_conversation")?.value;
    expect(graceSession).toBeDefined();
    expect(graceSession).not.toBe(adaSession);
  });

  it("resets the widget when the customer logs out, and identifies nobody", async () => {
    // GIVEN
    await page.goto(`${harness.pageUrl}?customer=ada`);
    await openChat(page);
    await verifiedSetUser(ADA);
    // WHEN the next page is a guest's
    await page.goto(harness.pageUrl);
    // THEN
    await eventually(() => sdkCallsOf(harness).some((c) => c.kind === "reset"), "the reset");
    await page.waitForTimeout(500);
    expect(setUserCalls(harness)).toHaveLength(1);
    expect((await context.cookies()).some((c) => c.name.startsWith("cw_user_"))).toBe(false);
  });

  it("does not send setUser again on the next page for the same customer", async () => {
    // GIVEN
    await page.goto(`${harness.pageUrl}?customer=ada`);
    await openChat(page);
    await verifiedSetUser(ADA);
    // WHEN
    await page.goto(`${harness.pageUrl}?customer=ada&page=product`);
    await eventually(() => sdkCallsOf(harness).filter((c) => c.kind === "setUser").length === 2, "the second setUser");
    // THEN the SDK skipped it (cw_user_ cookie), and Chatwoot saw one call
    expect(
      sdkCallsOf(harness)
        .filter((c) => c.kind === "setUser")
        .map((c) => c.skipped),
    ).toEqual([false, true]);
    expect(sdkCallsOf(harness).some((c) => c.kind === "reset")).toBe(false);
    expect(setUserCalls(harness)).toHaveLength(1);
  });

  it("never lets the inbox's identity secret reach the browser, in any response of these visits", () => {
    // THEN (every response the browser received above: pages, SDK, widget frame, API calls)
    expect(responses.length).toBeGreaterThan(30);
    expect(responses.filter((r) => r.url.includes("/api/v1/widget/contact/set_user")).length).toBeGreaterThan(3);
    const leaks = responses.filter((r) => secrets.some((s) => r.body.includes(s) || r.headers.includes(s)));
    expect(leaks.map((r) => r.url)).toEqual([]);
  });
});
