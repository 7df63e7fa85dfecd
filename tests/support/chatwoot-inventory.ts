import type { ChatwootSimulator } from "../fakes/chatwoot";

/** What the simulator holds, counted the way the acceptance criteria speak of it. */
export function chatwootInventory(sim: ChatwootSimulator) {
  const { state } = sim;
  return {
    accounts: state.accounts.length,
    users: state.users.length,
    accountUsers: state.accountUsers.map((au) => ({ accountId: au.accountId, userId: au.userId, role: au.role })),
    webWidgetInboxes: state.inboxes.map((i) => ({ accountId: i.accountId, hmacMandatory: i.channel.hmacMandatory })),
    attributeDefinitions: state.attributeDefinitions.map((d) => ({
      accountId: d.accountId,
      key: d.attributeKey,
      model: d.attributeModel,
    })),
    dashboardApps: state.dashboardApps.map((d) => ({ accountId: d.accountId, title: d.title })),
  };
}

/** Asserts the exact set one provisioned store owns, and nothing more. */
export function expectExactlyOneProvisionedStore(sim: ChatwootSimulator, expectedAttributeKeys: readonly string[]) {
  const inventory = chatwootInventory(sim);
  const accountId = sim.state.accounts[0]?.id;
  expect(inventory.accounts).toBe(1);
  expect(inventory.users).toBe(2);
  expect(inventory.accountUsers).toHaveLength(2);
  expect(inventory.accountUsers.every((au) => au.accountId === accountId && au.role === "administrator")).toBe(true);
  expect(inventory.webWidgetInboxes).toEqual([{ accountId, hmacMandatory: true }]);
  expect(inventory.attributeDefinitions.map((d) => d.key).sort()).toEqual([...expectedAttributeKeys].sort());
  expect(
    inventory.attributeDefinitions.every((d) => d.model === "contact_attribute" && d.accountId === accountId),
  ).toBe(true);
  expect(inventory.dashboardApps).toEqual([{ accountId, title: "Order history" }]);
}
