import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { DEMO_SHOP } from "../fakes/shopify-admin/demo-shops";
import { launchChromium } from "../support/browser";
import { postDemoOrderHistory } from "../support/order-view-demo-history";
import { startDemo, type DemoProcess } from "../support/demo-process";

// The whole path in the sandbox: the demo store's order history arrives as signed webhooks, the worker
// projects it and creates the Chatwoot contacts, and the Chatwoot-like page shows the order view.
const shots = process.env.ORDER_VIEW_SCREENSHOTS ?? path.join(tmpdir(), "order-view-screenshots");

describe("the order view in the sandbox (npm run demo)", () => {
  let demo: DemoProcess;
  let browser: Browser;
  let appUrl: string;

  beforeAll(async () => {
    demo = await startDemo({ SYNC_COALESCE_MS: "100" });
    appUrl = demo.appUrl;
    // WHEN the demo store's history arrives
    const sent = await postDemoOrderHistory({
      appUrl,
      shop: DEMO_SHOP.domain,
      apiSecret: "demo-api-secret-not-for-production",
    });
    expect(sent.refused).toBe(0);
    await waitForContacts(["Ann Lee", "Bram de Vries", "Chloé Martin"]);
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
  });

  async function waitForContacts(names: string[]) {
    for (let i = 0; i < 300; i++) {
      const html = await (await fetch(`${appUrl}/sandbox/chatwoot`)).text();
      if (names.every((n) => html.includes(n))) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the demo contacts never appeared:\n${demo.process.output().slice(-3000)}`);
  }

  it("shows the demo customer's orders beside the conversation, 20 first and the rest on request", async () => {
    // GIVEN
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    // WHEN
    await page.goto(`${appUrl}/sandbox/chatwoot`);
    await page.getByRole("link", { name: /Ann Lee/ }).click();
    // THEN
    const frame = page.frameLocator("#dashboard-app");
    await frame.getByRole("heading", { name: "Ann Lee" }).waitFor();
    await frame.locator("article.order").nth(19).waitFor();
    await expect(frame.getByText("20 orders").isVisible()).resolves.toBe(true);
    await page.screenshot({ path: path.join(shots, "sandbox-demo-ann.png") });
    await frame.getByRole("button", { name: "Show more orders" }).click();
    await frame.locator("article.order").nth(23).waitFor();
    await page.close();
  });

  it("says so for a demo customer without orders", async () => {
    const page = await browser.newPage();
    await page.goto(`${appUrl}/sandbox/chatwoot`);
    await page.getByRole("link", { name: /Chloé Martin/ }).click();
    await page.frameLocator("#dashboard-app").getByText("This customer has no orders yet.").waitFor();
    await page.close();
  });
});
