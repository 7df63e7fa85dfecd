import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { launchChromium } from "../support/browser";
import { freePort, startProcess, userEnvironment, type RunningProcess } from "../support/processes";

const root = path.resolve(import.meta.dirname, "../..");

describe("the sandbox (npm run demo)", () => {
  let demo: RunningProcess;
  let browser: Browser;
  let appUrl: string;
  let simUrl: string;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "cw-demo-"));
    const [port, simPort] = [await freePort(), await freePort()];
    appUrl = `http://localhost:${port}`;
    simUrl = `http://127.0.0.1:${simPort}`;
    demo = startProcess(path.join(root, "node_modules/.bin/tsx"), ["app/sandbox/demo.ts"], {
      cwd: root,
      env: userEnvironment({
        PORT: String(port),
        CHATWOOT_SIM_PORT: String(simPort),
        DATABASE_URL: `file:${path.join(dir, "demo.sqlite")}`,
      }),
    });
    // A fresh clone builds the app first; that is not part of the 10 s.
    await demo.waitFor(/Sandbox ready/, 120_000);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("provisions the demo store within 10 s of the install, as its log says", () => {
    // THEN
    const line = demo.output().match(/\{[^\n]*"msg":"demo store provisioned"[^\n]*\}/);
    expect(line, demo.output()).not.toBeNull();
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
    await page.screenshot({ path: path.join(dir, "sandbox.png"), fullPage: true });
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
