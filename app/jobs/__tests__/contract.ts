import { deliveryContract } from "./contract-delivery";
import { failureContract } from "./contract-failures";
import { useContractFixture, type QueueUnderTest } from "./contract-fixture";
import { lifecycleContract } from "./contract-lifecycle";

export type { QueueUnderTest } from "./contract-fixture";

/**
 * The behaviours every JobQueue adapter must show. An adapter's suite calls this with a function
 * that sets up fresh storage for each test (tests/integration/queue-*.db.test.ts).
 */
export function queueContract(name: string, makeQueue: () => Promise<QueueUnderTest>) {
  describe(name, () => {
    const fx = useContractFixture(makeQueue);
    deliveryContract(fx);
    failureContract(fx);
    lifecycleContract(fx);
  });
}
