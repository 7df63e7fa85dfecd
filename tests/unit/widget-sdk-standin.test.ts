import { gzipSync } from "node:zlib";
import { startChatwootSimulator, type ChatwootSimulator } from "../fakes/chatwoot";
import { SDK_CALLS_PATH, sdkCalls } from "../fakes/chatwoot/widget-sdk";

// The simulator's stand-ins for Chatwoot's storefront scripts: served like Chatwoot's, and as
// heavy, so a benchmark against the official snippet is fair.
describe("the Chatwoot simulator's storefront SDK stand-in", () => {
  let sim: ChatwootSimulator;
  beforeAll(async () => {
    sim = await startChatwootSimulator();
  });
  afterAll(() => sim.stop());

  it("serves sdk.js at about the built SDK's size, defining chatwootSDK.run", async () => {
    // WHEN
    const response = await fetch(`${sim.url}/packs/js/sdk.js`);
    const body = await response.text();
    // THEN
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(body).toContain("window.chatwootSDK = { run:");
    expect(body.length).toBeGreaterThanOrEqual(35_000);
    expect(body.length).toBeLessThanOrEqual(40_000);
    expect(() => new Function(body)).not.toThrow();
  });

  it("has the widget page load widget.js, weighing about 250 KB gzip like Chatwoot's widget bundle", async () => {
    // GIVEN
    const workspace = sim.seed.workspace();
    // WHEN
    const page = await (await fetch(`${sim.url}/widget?website_token=${workspace.inbox.channel.websiteToken}`)).text();
    const widget = await (await fetch(`${sim.url}/packs/js/widget.js`)).text();
    // THEN
    expect(page).toContain('<script src="/packs/js/widget.js"></script>');
    const gzip = gzipSync(widget).length;
    expect(gzip).toBeGreaterThan(235_000);
    expect(gzip).toBeLessThan(265_000);
    expect(() => new Function(widget)).not.toThrow();
  });

  it("records the SDK's run, setUser and reset beacons, readable from the request log", async () => {
    // WHEN
    for (const query of [
      "kind=run&website_token=t",
      "kind=setUser&website_token=t&identifier=42&skipped=0&loaded=1",
      "kind=reset&website_token=t",
    ]) {
      const response = await fetch(`${sim.url}${SDK_CALLS_PATH}?${query}`, { method: "POST", body: "" });
      expect(response.status).toBe(204);
    }
    // THEN
    expect(sdkCalls(sim.state).map(({ at: _at, ...call }) => call)).toEqual([
      { kind: "run", websiteToken: "t" },
      { kind: "setUser", websiteToken: "t", identifier: "42", skipped: false, loaded: true },
      { kind: "reset", websiteToken: "t" },
    ]);
  });
});
