import { enqueueTask } from "~/jobs/tasks.server";
import type { JobQueue } from "~/jobs/types";
import type { Logger } from "~/lib/logger.server";
import { OrderViewNotFoundError } from "./errors";
import type { ResolveCustomer } from "./resolve-customer.server";
import type { OrderViewStore } from "./types";

/**
 * "Resync this customer": queues the same job as the admin's Resync button (read the customer from the
 * Admin API, then update the Chatwoot contact). Only a resolved customer can be resynced; a possible
 * match is not, because the resync would attach the contact to that customer. Repeated clicks coalesce
 * into one pending job.
 */
export function requestResyncFactory(deps: {
  queue: Pick<JobQueue, "enqueue">;
  resolveCustomer: ResolveCustomer;
  logger: Logger;
}) {
  return async function requestResync(store: OrderViewStore, { contactId }: { contactId: number }) {
    const { shop } = store;
    const resolution = await deps.resolveCustomer({ shop, contactId });
    if (resolution.kind !== "customer") throw new OrderViewNotFoundError("no customer for this contact");
    const { customerId } = resolution.customer;
    const { deduped } = await enqueueTask(
      deps.queue,
      "customer.resync",
      { shop, customerId },
      { shop, coalesceKey: `resync:${shop}:${customerId}` },
    );
    deps.logger.info("order view: resync requested", { shop, contactId, deduped });
    return { queued: true as const, deduped };
  };
}
