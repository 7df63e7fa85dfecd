/**
 * Chatwoot simulator for tests and the sandbox:
 *
 *   const sim = await startChatwootSimulator({ accountDeleteDelayMs: 20 });
 *   // aim the app at sim.url with sim.platformToken, then assert on sim.state
 *   sim.faults.add({ match: { method: "POST", path: "/platform/api/v1/accounts" }, kind: "status", status: 503 });
 *   await sim.stop();
 */
export { startChatwootSimulator, type ChatwootSimulator } from "./simulator";
export type { SeedConversationInput, SeedHelpers, SeedMessageInput, SeedWorkspace } from "./seed";
export type { SimulatorState } from "./state";
export { identifierHash } from "./tokens";
export type * from "./types";
