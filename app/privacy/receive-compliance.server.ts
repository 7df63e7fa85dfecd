import { z } from "zod";
import type { Db } from "~/db.server";
import { enqueueTask } from "~/jobs/tasks.server";
import type { JobQueue } from "~/jobs/types";
import type { Logger } from "~/lib/logger.server";
import { recordComplianceRequest } from "~/models/compliance.server";
import { parseShopifyJson } from "~/sync/shopify-json";
import { subjectHash } from "./subject-hash";

const id = z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]).transform(String);
const customerPayload = z.object({
  shop_domain: z.string().min(1),
  customer: z.object({ id, email: z.string().nullish() }),
});
const shopPayload = z.object({ shop_domain: z.string().min(1) });

/**
 * The request path of the three compliance topics: verify (done by the caller), parse, record,
 * enqueue, answer. The store always comes from the signed body, never from a header alone.
 * Each topic is carried out by a job: a redaction, a whole-store deletion, or an export.
 */
export function receiveComplianceFactory(deps: { db: Db; queue: Pick<JobQueue, "enqueue">; logger: Logger }) {
  return async function receiveCompliance(input: {
    topic: string;
    shop: string;
    webhookId: string;
    raw: string;
    triggeredAt?: string;
  }): Promise<Response> {
    const topic = input.topic.toLowerCase().replace("_", "/");
    let body: unknown;
    try {
      body = parseShopifyJson(input.raw);
    } catch {
      return new Response("Malformed payload", { status: 400 });
    }
    const parsed = shopPayload.safeParse(body);
    const forCustomer = topic === "shop/redact" ? undefined : customerPayload.safeParse(body);
    if (!parsed.success || parsed.data.shop_domain !== input.shop || forCustomer?.success === false) {
      deps.logger.warn("malformed compliance payload refused", { shop: input.shop, topic, webhookId: input.webhookId });
      return new Response("Malformed payload", { status: 400 });
    }
    const shop = parsed.data.shop_domain;
    const customer = forCustomer?.data?.customer;
    // A redelivery of a request not carried out yet enqueues again: the first delivery may have been
    // recorded and then failed to enqueue (answered 500). The job key makes a second enqueue a no-op.
    const recorded = await recordComplianceRequest(deps.db, {
      shop,
      topic,
      webhookId: input.webhookId,
      subjectHash: customer ? subjectHash(shop, customer.id) : null,
    });
    const open = recorded !== "finished";
    if (open && topic === "customers/redact" && customer) {
      await enqueueTask(
        deps.queue,
        "privacy.redact-customer",
        { shop, webhookId: input.webhookId, customerId: customer.id, email: customer.email ?? null },
        { shop, key: `compliance:${input.webhookId}` },
      );
    }
    if (open && topic === "customers/data_request" && customer) {
      await enqueueTask(
        deps.queue,
        "privacy.export-customer",
        { shop, webhookId: input.webhookId, customerId: customer.id },
        { shop, key: `compliance:${input.webhookId}` },
      );
    }
    if (open && topic === "shop/redact") {
      // Enqueued without the store column: the job outlives the store's rows it deletes.
      await enqueueTask(
        deps.queue,
        "privacy.redact-shop",
        { shop, triggeredAt: input.triggeredAt ?? null },
        { key: `compliance:${input.webhookId}`, maxAttempts: 40 },
      );
    }
    deps.logger.info("compliance request received", {
      shop,
      topic,
      webhookId: input.webhookId,
      duplicate: recorded !== "new",
    });
    return new Response(null, { status: 200 });
  };
}
