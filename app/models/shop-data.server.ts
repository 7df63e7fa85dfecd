import type { Db } from "~/db.server";

/**
 * Deletes every row the app holds for a store, in one transaction: shop/redact. Audit records stay
 * (they hold no personal data and prove the deletion); jobs without a store column are not the
 * store's (the running redact job itself is enqueued that way).
 */
export async function deleteShopData(db: Db, { shop }: { shop: string }) {
  const results = await db.$transaction([
    db.session.deleteMany({ where: { shop } }),
    db.orderRefund.deleteMany({ where: { shop } }),
    db.order.deleteMany({ where: { shop } }),
    db.customer.deleteMany({ where: { shop } }),
    db.contactLink.deleteMany({ where: { shop } }),
    db.contactConflict.deleteMany({ where: { shop } }),
    db.webhookEvent.deleteMany({ where: { shop } }),
    db.job.deleteMany({ where: { shop } }),
    db.tierSettings.deleteMany({ where: { shop } }),
    db.dataExport.deleteMany({ where: { shop } }),
    db.complianceRequest.deleteMany({ where: { shop } }),
    db.provisioningStep.deleteMany({ where: { shop } }),
    db.provisioning.deleteMany({ where: { shop } }),
    db.chatwootAccount.deleteMany({ where: { shop } }),
    db.shop.deleteMany({ where: { shop } }),
  ]);
  return results.reduce((sum, r) => sum + r.count, 0);
}
