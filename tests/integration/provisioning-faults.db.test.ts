import { CONTACT_ATTRIBUTE_DEFINITIONS } from "~/provisioning/attribute-definitions";
import type { FaultSpec } from "../fakes/chatwoot";
import { expectExactlyOneProvisionedStore } from "../support/chatwoot-inventory";
import { dbKind, dbSkipReason } from "../support/database";
import { SHOP_A, startProvisioningHarness, type ProvisioningHarness } from "../support/provisioning-harness";

const ATTRIBUTE_KEYS = CONTACT_ATTRIBUTE_DEFINITIONS.map((d) => d.key);

/** Every Chatwoot call a first provisioning makes, in order; `skip` picks the n-th of a repeated call. */
const CALLS: { step: string; method: string; path: string | RegExp; skip?: number }[] = [
  { step: "account", method: "POST", path: "/platform/api/v1/accounts" },
  { step: "service_user", method: "POST", path: "/platform/api/v1/users" },
  { step: "service_user", method: "POST", path: /\/account_users$/ },
  { step: "merchant", method: "POST", path: "/platform/api/v1/users", skip: 1 },
  { step: "merchant", method: "POST", path: /\/account_users$/, skip: 1 },
  { step: "inbox", method: "GET", path: /\/inboxes$/ },
  { step: "inbox", method: "POST", path: /\/inboxes$/ },
  { step: "attributes", method: "GET", path: /\/custom_attribute_definitions$/ },
  { step: "attributes", method: "POST", path: /\/custom_attribute_definitions$/ },
  { step: "attributes", method: "POST", path: /\/custom_attribute_definitions$/, skip: 6 },
  { step: "dashboard_app", method: "GET", path: /\/dashboard_apps$/ },
  { step: "dashboard_app", method: "POST", path: /\/dashboard_apps$/ },
];

describe.skipIf(dbSkipReason)(`provisioning under faults (${dbKind})`, () => {
  let h: ProvisioningHarness;
  beforeEach(async () => {
    h = await startProvisioningHarness({ chatwootTimeoutMs: 300 });
    await h.shopify.install(SHOP_A);
  });
  afterEach(async () => h.close());

  async function expectFailedThenRetried(step: string) {
    const view = await h.provisioning.view(SHOP_A);
    expect(view.status).toBe("failed");
    const failed = view.steps.find((s) => s.status === "failed");
    expect(failed?.name).toBe(step);
    expect(failed?.reason).toMatch(/Chatwoot|Shopify/);
    // WHEN the merchant presses Retry
    expect(await h.provisioning.retry(SHOP_A)).toBe("provisioned");
    // THEN
    expectExactlyOneProvisionedStore(h.sim, ATTRIBUTE_KEYS);
  }

  it.each(CALLS)(
    "a server error on $step's call $method $path stops the run with a reason, and Retry finishes it",
    async (call) => {
      // GIVEN Chatwoot answers this call with a 500 every time it is retried
      h.sim.faults.add({
        kind: "status",
        status: 500,
        match: { method: call.method, path: call.path },
        skip: call.skip,
        times: 10,
      });
      // WHEN
      expect(await h.provisioning.run(SHOP_A)).toBe("failed");
      h.sim.faults.clear();
      // THEN
      await expectFailedThenRetried(call.step);
    },
  );

  it.each(CALLS.filter((c) => c.method === "POST"))(
    "a lost answer after $step's $method $path was applied never leaves a duplicate",
    async (call) => {
      // GIVEN Chatwoot applies the call, then the connection drops before the answer arrives
      h.sim.faults.add({ kind: "drop", match: { method: call.method, path: call.path }, skip: call.skip });
      // WHEN
      const first = await h.provisioning.run(SHOP_A);
      // THEN an idempotent call was retried at once; otherwise the run stopped and Retry finishes it
      if (first === "failed") await expectFailedThenRetried(call.step);
      else expectExactlyOneProvisionedStore(h.sim, ATTRIBUTE_KEYS);
    },
  );

  it.each<{ name: string; spec: FaultSpec }>([
    { name: "503s", spec: { kind: "status", status: 503, times: 2 } },
    { name: "429s", spec: { kind: "rateLimit", times: 3 } },
    { name: "a timeout", spec: { kind: "timeout", times: 1, match: { method: "GET" } } },
    { name: "a reset connection", spec: { kind: "reset", times: 1, match: { method: "GET" } } },
  ])("rides out transient $name without the merchant noticing", async ({ spec }) => {
    // GIVEN
    h.sim.faults.add(spec);
    // WHEN
    const outcome = await h.provisioning.run(SHOP_A);
    // THEN
    expect(outcome).toBe("provisioned");
    expectExactlyOneProvisionedStore(h.sim, ATTRIBUTE_KEYS);
    expect(h.sim.state.requests.some((r) => r.fault)).toBe(true);
  });

  it("creates the account once when Chatwoot's account list is broken (it 500s after any account was deleted)", async () => {
    // GIVEN
    h.sim.faults.add({
      kind: "status",
      status: 500,
      match: { method: "GET", path: "/platform/api/v1/accounts" },
      times: Infinity,
    });
    // WHEN
    const outcome = await h.provisioning.run(SHOP_A);
    // THEN
    expect(outcome).toBe("provisioned");
    expectExactlyOneProvisionedStore(h.sim, ATTRIBUTE_KEYS);
  });

  it("explains an unreachable Chatwoot in plain words, and Retry works once it is back", async () => {
    // GIVEN every Chatwoot call fails at the network level
    h.sim.faults.add({ kind: "reset", times: Infinity });
    // WHEN
    expect(await h.provisioning.run(SHOP_A)).toBe("failed");
    // THEN
    const view = await h.provisioning.view(SHOP_A);
    expect(view.steps.find((s) => s.status === "failed")?.reason).toMatch(/could not reach Chatwoot/);
    h.sim.faults.clear();
    expect(await h.provisioning.retry(SHOP_A)).toBe("provisioned");
    expectExactlyOneProvisionedStore(h.sim, ATTRIBUTE_KEYS);
  });

  it.each([
    { step: "shop_details", operation: "ProvisioningShopDetails" },
    { step: "storefront_settings", operation: "ProvisioningSetMetafields" },
  ])(
    "a Shopify Admin API failure in $step stops the run with a reason, and Retry finishes it",
    async ({ step, operation }) => {
      // GIVEN the Admin API answers this operation with a 500
      h.fakeAdmin.failNext(SHOP_A, 500, 10, operation);
      // WHEN
      expect(await h.provisioning.run(SHOP_A)).toBe("failed");
      h.fakeAdmin.failNext(SHOP_A, 500, 0);
      // THEN
      await expectFailedThenRetried(step);
    },
  );

  it("resumes a run whose instance died holding the lease", async () => {
    // GIVEN a run that an instance claimed and never finished (its lease ran out)
    await h.database.db.provisioning.create({
      data: { shop: SHOP_A, status: "running", claimedBy: "dead-instance", claimedUntil: new Date(Date.now() - 1000) },
    });
    // WHEN the background worker looks for unfinished work
    const outcomes = await h.provisioning.resumeInterrupted();
    // THEN
    expect(outcomes).toEqual(["provisioned"]);
    expectExactlyOneProvisionedStore(h.sim, ATTRIBUTE_KEYS);
  });
});
