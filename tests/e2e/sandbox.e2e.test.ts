import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { launchChromium } from "../support/browser";
import { startDemo, type DemoProcess } from "../support/demo-process";

describe("the sandbox (npm run demo)", () => {
  let demo: DemoProcess;
  let browser: Browser;
  let appUrl: string;
  let simUrl: string;

  beforeAll(async () => {
    demo = await startDemo();
    appUrl = demo.appUrl;
    simUrl = demo.simUrl;
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
  });

  it("provisions the demo store within 10 s of the install, as its log says", () => {
    // THEN
    const line = demo.process.output().match(/\{[^\n]*"msg":"demo store provisioned"[^\n]*\}/);
    expect(line, demo.process.output()).not.toBeNull();
    const { ms } = JSON.parse(line![0]) as { ms: number };
    expect(ms).toBeLessThan(10_000);
  });

  it("sends the hardening headers on every response and refuses oversize bodies", async () => {
    // WHEN
    const health = await fetch(`${appUrl}/healthz`);
    const huge = await fetch(`${appUrl}/webhooks/orders/create`, { method: "POST", body: "x".repeat(3 * 1024 * 1024) });
    // THEN
    expect(health.headers.get("x-content-type-options")).toBe("nosniff");
    expect(health.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(huge.status).toBe(413);
  });

  it("shows the provisioned store and every finished step on the sandbox page", async () => {
    // WHEN
    const page = await browser.newPage();
    await page.goto(`${appUrl}/sandbox`);
    // THEN
    await expect(page.getByRole("heading", { name: "Your Chatwoot account is ready" }).isVisible()).resolves.toBe(true);
    await expect(page.getByText("Done", { exact: true }).count()).resolves.toBe(8);
    await page.screenshot({ path: path.join(tmpdir(), "sandbox.png"), fullPage: true });
    await page.close();
  });

  it("shows a failed step's reason, and the Retry button finishes provisioning", async () => {
    // GIVEN Chatwoot answers the account look-up with server errors, and a run starts
    const fault = await fetch(`${simUrl}/__sim/faults`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        kind: "status",
        status: 500,
        match: { method: "GET", pathRegex: "^/platform/api/v1/accounts/\\d+$" },
        times: null,
      }),
    });
    expect(fault.status).toBe(201);
    await fetch(`${appUrl}/sandbox?index`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "intent=retry",
    });
    await waitForStatus("failed");
    const page = await browser.newPage();
    await page.goto(`${appUrl}/sandbox`);
    // THEN the merchant reads what went wrong
    await expect(page.getByRole("heading", { name: "Setup stopped" }).isVisible()).resolves.toBe(true);
    await expect(page.getByText(/Chatwoot had a server error \(500\)/).isVisible()).resolves.toBe(true);
    // WHEN Chatwoot recovers and the merchant presses Retry
    await fetch(`${simUrl}/__sim/faults`, { method: "DELETE" });
    await page.getByRole("button", { name: "Retry" }).click();
    // THEN
    await page.getByRole("heading", { name: "Your Chatwoot account is ready" }).waitFor({ timeout: 15_000 });
    await page.close();
  });

  async function waitForStatus(status: string) {
    for (let i = 0; i < 100; i++) {
      const view = (await (await fetch(`${appUrl}/sandbox/status`)).json()) as { status: string };
      if (view.status === status) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`sandbox never reached ${status}`);
  }
});
