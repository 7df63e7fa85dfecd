import { createHash } from "node:crypto";

/**
 * A stable job id for a dedupe `key`: pg-boss ids are UUIDs and a second insert with the same id is
 * ignored, which is exactly key dedupe. Built like a name-based (version 5) UUID from SHA-1.
 */
export function jobIdForKey(key: string): string {
  const bytes = createHash("sha1").update(`chatwoot-shopify/job-key/${key}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string) => UUID.test(value);

/** The singleton key of a job without a coalesceKey: its own, so the stately policy never holds it. */
export const ownSingletonKey = (id: string) => `own-job:${id}`;
export const isOwnSingletonKey = (key: string) => key.startsWith("own-job:");
