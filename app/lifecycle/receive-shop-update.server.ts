import { z } from "zod";
import { enqueueTask } from "~/jobs/tasks.server";
import type { JobQueue } from "~/jobs/types";
import type { Logger } from "~/lib/logger.server";

/** What the app reads of shop/update (the REST Shop): the primary domain's host. */
const shopUpdatePayload = z.object({
  domain: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9.-]+$/),
  myshopify_domain: z.string(),
});

/**
 * shop/update's request path, after verification: the primary domain goes to a job that lets the
 * chat widget be framed there. A malformed body is answered 400 and queues nothing.
 */
export function receiveShopUpdateFactory(deps: { queue: Pick<JobQueue, "enqueue">; logger: Logger }) {
  return async function receiveShopUpdate(input: { shop: string; webhookId: string; payload: unknown }) {
    const parsed = shopUpdatePayload.safeParse(input.payload);
    if (!parsed.success || parsed.data.myshopify_domain !== input.shop) {
      deps.logger.warn("malformed shop/update refused", { shop: input.shop, webhookId: input.webhookId });
      return new Response("Malformed payload", { status: 400 });
    }
    await enqueueTask(
      deps.queue,
      "shop.allow-domains",
      { shop: input.shop, primaryHost: parsed.data.domain },
      { shop: input.shop, key: `webhook:${input.webhookId}` },
    );
    return new Response(null, { status: 200 });
  };
}
