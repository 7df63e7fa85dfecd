import type { OrderRefund } from "@prisma/client";
import type { Db } from "~/db.server";
import { addOrderRefund, getOrderRefund, setOrderRefundAmountIf } from "~/models/order.server";
import { parseMoney } from "./money";

/**
 * Records a refund, or raises its amount when a later delivery shows more of it settled. A refund
 * first seen with a pending transaction is stored as 0.00; the order update that reports the
 * transaction's success brings it up. Amounts only grow (a settled refund is not undone), so an
 * older delivery arriving late never lowers one.
 */
export async function recordRefund(db: Db, refund: OrderRefund): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await addOrderRefund(db, refund)) return;
    const stored = await getOrderRefund(db, refund);
    if (!stored) continue; // deleted in between: insert again
    if (parseMoney(refund.amount) <= parseMoney(stored.amount)) return;
    if (await setOrderRefundAmountIf(db, refund, { expected: stored.amount, amount: refund.amount })) return;
  }
}
