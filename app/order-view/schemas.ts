import { z } from "zod";

/** Chatwoot ids: positive integers, as the query string or JSON carries them. */
const chatwootId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** GET /order-view/api: whose orders (contact), from which Chatwoot account, which page. */
export function readQuerySchema(maxPage: number) {
  return z.object({
    contact: chatwootId,
    account: chatwootId,
    page: z.coerce.number().int().min(1).max(maxPage).default(1),
  });
}

/** POST /order-view/api: ask for a resync of the contact's customer. */
export const resyncBodySchema = z.object({
  intent: z.literal("resync"),
  contact: chatwootId,
  account: chatwootId,
});

/** Largest POST body read, in bytes; a resync request is a few dozen. */
export const MAX_BODY_BYTES = 2048;
