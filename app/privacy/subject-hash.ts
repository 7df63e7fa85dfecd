import { createHash } from "node:crypto";

/** The audit trail's stand-in for a customer: SHA-256 of shop and customer id, never the id itself. */
export function subjectHash(shop: string, customerId: string): string {
  return createHash("sha256").update(`${shop}:${customerId}`).digest("hex");
}
