import type { Db } from "~/db.server";
import { listOrderPage, listOrderSummaries, listRefundsOfOrders } from "~/models/order-view.server";
import { getTierThresholds } from "~/models/tier-settings.server";
import { customerAdminUrl } from "./admin-links";
import { refundTotals, toViewOrder } from "./order-rows";
import type { ResolveCustomer } from "./resolve-customer.server";
import { summarizeCustomer } from "./summarize-customer";
import type { OrderViewPayload, OrderViewStore } from "./types";

/**
 * What the panel shows for one contact, from the local projection only: no Shopify call on open.
 * Every query is scoped by the token's store.
 */
export function getOrderViewFactory(deps: { db: Db; resolveCustomer: ResolveCustomer; pageSize: number }) {
  const { db, pageSize } = deps;
  return async function getOrderView(
    store: OrderViewStore,
    { contactId, page }: { contactId: number; page: number },
  ): Promise<OrderViewPayload> {
    const { shop } = store;
    const resolution = await deps.resolveCustomer({ shop, contactId });
    if (resolution.kind === "unknown") return { status: "unknown" };
    const { customer } = resolution;
    if (resolution.kind === "suggestion") {
      const suggestion = { id: customer.customerId, name: fullName(customer), email: customer.email ?? "" };
      return {
        status: "suggestion",
        suggestion: { ...suggestion, adminUrl: customerAdminUrl(shop, customer.customerId) },
      };
    }

    const key = { shop, customerId: customer.customerId };
    const [summaries, rows, thresholds] = await Promise.all([
      listOrderSummaries(db, key),
      listOrderPage(db, key, { skip: (page - 1) * pageSize, take: pageSize }),
      getTierThresholds(db, { shop }),
    ]);
    const refunds = await listRefundsOfOrders(db, { shop, orderIds: summaries.map((o) => o.orderId) });
    const refunded = refundTotals(summaries, refunds);
    return {
      status: "found",
      customer: summarizeCustomer({
        shop,
        customer,
        orders: summaries,
        refunded,
        thresholds,
        matchedBy: resolution.matchedBy,
        syncedAt: resolution.syncedAt,
      }),
      orders: {
        items: rows.map((order) => toViewOrder(shop, order, refunded.get(order.orderId))),
        page,
        pageSize,
        total: summaries.length,
        hasMore: page * pageSize < summaries.length,
      },
    };
  };
}

function fullName(customer: { firstName: string | null; lastName: string | null }) {
  return [customer.firstName, customer.lastName].filter(Boolean).join(" ").trim() || null;
}
