import type { Db } from "~/db.server";
import type { Logger } from "~/lib/logger.server";
import { tombstoneOrder, upsertOrderIfNewer } from "~/models/order.server";
import { ensureCustomer, tombstoneCustomer, upsertCustomerIfNewer } from "~/models/customer.server";
import { markWebhookEvent } from "~/models/webhook-event.server";
import { customerFields, orderFields, refundAmount } from "./projection-fields";
import { recordRefund } from "./record-refund.server";
import type { CustomerPayload, OrderPayload, RefundPayload, SyncTopic } from "./payloads";

export interface ApplyWebhookInput {
  shop: string;
  topic: SyncTopic;
  webhookId: string;
  payload: unknown;
}

/**
 * The webhook job: updates the local projection (every write guarded by updated_at or idempotent),
 * marks the delivery applied, then asks for a (coalesced) contact sync of each customer touched.
 * Safe to run again after a crash at any point: a redone write changes nothing, and the contact
 * syncs are asked for again (a crash between "applied" and those requests must not lose them).
 */
export function applyWebhookFactory(deps: {
  db: Db;
  logger: Logger;
  requestContactSync(shop: string, customerId: string): Promise<void>;
}) {
  const { db } = deps;
  return async function applyWebhook({ shop, topic, webhookId, payload }: ApplyWebhookInput): Promise<string[]> {
    const customers = await project(db, shop, topic, payload, (customerId) =>
      deps.requestContactSync(shop, customerId),
    );
    await markWebhookEvent(db, { webhookId }, { status: "applied", appliedAt: new Date(), error: null });
    for (const customerId of customers) await deps.requestContactSync(shop, customerId);
    return customers;
  };
}

async function project(
  db: Db,
  shop: string,
  topic: SyncTopic,
  payload: unknown,
  requestContactSync: (customerId: string) => Promise<void>,
): Promise<string[]> {
  switch (topic) {
    case "orders/create":
    case "orders/updated":
    case "orders/paid":
    case "orders/cancelled":
    case "orders/fulfilled": {
      const order = payload as OrderPayload;
      if (order.customer) {
        const key = { shop, customerId: order.customer.id };
        if (order.customer.updated_at)
          await upsertCustomerIfNewer(db, key, customerFields(order.customer), new Date(order.customer.updated_at));
        else await ensureCustomer(db, key, customerFields(order.customer));
      }
      // An order moved to another customer (or to none) changes the previous customer's totals too.
      // Their sync is asked for before the move is written: once it is written, a run of this job
      // after a crash finds the new customer stored and could no longer tell who had the order.
      // The coalescing delay lets the write land first; a move that is not applied (an older
      // delivery) costs one sync that finds nothing changed.
      const previous = await db.order.findUnique({
        where: { shop_orderId: { shop, orderId: order.id } },
        select: { customerId: true },
      });
      const moved = previous?.customerId && previous.customerId !== order.customer?.id ? previous.customerId : null;
      if (moved) await requestContactSync(moved);
      const applied = await upsertOrderIfNewer(db, { shop, orderId: order.id }, orderFields(order));
      const customers = order.customer ? [order.customer.id] : [];
      if (applied && moved) customers.push(moved);
      for (const refund of order.refunds) {
        await recordRefund(db, {
          shop,
          refundId: refund.id,
          orderId: order.id,
          amount: refundAmount(refund),
          createdAt: new Date(refund.created_at),
        });
      }
      return customers;
    }
    case "orders/delete": {
      const customerId = await tombstoneOrder(db, { shop, orderId: (payload as { id: string }).id });
      return customerId ? [customerId] : [];
    }
    case "refunds/create": {
      const refund = payload as RefundPayload;
      await recordRefund(db, {
        shop,
        refundId: refund.id,
        orderId: refund.order_id,
        amount: refundAmount(refund),
        createdAt: new Date(refund.created_at),
      });
      const order = await db.order.findUnique({
        where: { shop_orderId: { shop, orderId: refund.order_id } },
        select: { customerId: true },
      });
      return order?.customerId ? [order.customerId] : [];
    }
    case "customers/create":
    case "customers/update": {
      const customer = payload as CustomerPayload;
      const at = customer.updated_at ? new Date(customer.updated_at) : null;
      await upsertCustomerIfNewer(db, { shop, customerId: customer.id }, customerFields(customer), at);
      return [customer.id];
    }
    case "customers/delete":
      await tombstoneCustomer(db, { shop, customerId: (payload as { id: string }).id });
      return [];
  }
}
