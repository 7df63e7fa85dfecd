import type { AuditRecord, ComplianceRequest } from "@prisma/client";
import type { Db } from "~/db.server";
import { isUniqueViolation } from "./prisma-errors";

/**
 * Records a compliance delivery once. "new" the first time; "open" for a redelivery of one not yet
 * carried out (its job may never have been enqueued); "finished" once it was.
 */
export async function recordComplianceRequest(
  db: Db,
  request: Pick<ComplianceRequest, "shop" | "topic" | "webhookId" | "subjectHash">,
): Promise<"new" | "open" | "finished"> {
  try {
    await db.complianceRequest.create({ data: request });
    return "new";
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const stored = await db.complianceRequest.findUnique({
    where: { webhookId: request.webhookId },
    select: { completedAt: true },
  });
  return stored?.completedAt ? "finished" : "open";
}

export function finishComplianceRequest(
  db: Db,
  { webhookId }: Pick<ComplianceRequest, "webhookId">,
  data: Pick<ComplianceRequest, "status" | "detail">,
) {
  return db.complianceRequest.updateMany({
    where: { webhookId },
    data: { ...data, resumeWith: null, completedAt: new Date() },
  });
}

/**
 * Leaves a request "waiting" for the store to install again: the part that needs the store's
 * Chatwoot account is run then (or shop/redact deletes the account whole first).
 */
export function waitForStoreToReturn(
  db: Db,
  { webhookId }: Pick<ComplianceRequest, "webhookId">,
  data: { detail: string; resumeWith: unknown },
) {
  return db.complianceRequest.updateMany({
    where: { webhookId },
    data: { status: "waiting", detail: data.detail, resumeWith: JSON.stringify(data.resumeWith) },
  });
}

/** The store's requests waiting for it to come back, with what each needs to run again. */
export function listWaitingComplianceRequests(db: Db, { shop }: { shop: string }) {
  return db.complianceRequest.findMany({
    where: { shop, status: "waiting" },
    select: { webhookId: true, topic: true, resumeWith: true },
  });
}

/** An audit line: what was done, for which store, about whom (hashed), never personal data. */
export function addAuditRecord(db: Db, record: Pick<AuditRecord, "shop" | "action" | "subjectHash" | "detail">) {
  return db.auditRecord.create({ data: record });
}

/** Every row the store holds about one customer goes, in one transaction. */
export async function deleteCustomerRows(db: Db, { shop, customerId }: { shop: string; customerId: string }) {
  const orderIds = (await db.order.findMany({ where: { shop, customerId }, select: { orderId: true } })).map(
    (o) => o.orderId,
  );
  const [refunds, orders, customers, links, conflicts] = await db.$transaction([
    db.orderRefund.deleteMany({ where: { shop, orderId: { in: orderIds } } }),
    db.order.deleteMany({ where: { shop, customerId } }),
    db.customer.deleteMany({ where: { shop, customerId } }),
    db.contactLink.deleteMany({ where: { shop, customerId } }),
    db.contactConflict.deleteMany({ where: { shop, customerId } }),
  ]);
  return {
    refunds: refunds.count,
    orders: orders.count,
    customers: customers.count,
    links: links.count,
    conflicts: conflicts.count,
  };
}

export function saveDataExport(
  db: Db,
  { shop, requestId, content }: { shop: string; requestId: string; content: string },
) {
  return db.dataExport.upsert({ where: { requestId }, create: { shop, requestId, content }, update: { content } });
}

export function getDataExport(db: Db, { shop, requestId }: { shop: string; requestId: string }) {
  return db.dataExport.findFirst({ where: { shop, requestId } });
}

/** The store's latest requests as the admin lists them (no subject, nothing a job keeps to resume). */
export function listComplianceRequests(db: Db, { shop }: { shop: string }, take = 50) {
  return db.complianceRequest.findMany({
    where: { shop },
    orderBy: { receivedAt: "desc" },
    take,
    select: { webhookId: true, topic: true, status: true, receivedAt: true, completedAt: true },
  });
}
