import { isNotFound, type ChatwootAccountClient } from "~/chatwoot";
import type { Logger } from "~/lib/logger.server";
import { OrderViewLookupError } from "./errors";

/** What resolution needs from a Chatwoot contact. */
export interface ContactClues {
  identifier: string | null;
  email: string | null;
}

const MAX_CACHED = 1000;

/**
 * Reads a contact from the store's own Chatwoot account with the store's own service token, so a
 * contact id from another account is simply not found. Chatwoot reloads the iframe on every
 * conversation switch; answers are reused for `cacheMs` so an unlinked contact costs one Chatwoot
 * request per minute at most (the request budget is shared by every store).
 */
export function lookUpContactFactory(deps: {
  storeClient(shop: string): Promise<ChatwootAccountClient | undefined>;
  logger: Logger;
  cacheMs: number;
  /** An agent is waiting: give up on Chatwoot after this long, retries included. */
  timeoutMs: number;
  now: () => number;
}) {
  const cache = new Map<string, { until: number; clues: ContactClues | null }>();
  return async function lookUpContact(shop: string, contactId: number): Promise<ContactClues | null> {
    const key = `${shop}:${contactId}`;
    const hit = cache.get(key);
    if (hit && hit.until > deps.now()) return hit.clues;
    const client = await deps.storeClient(shop);
    // Not provisioned (or uninstalled): there is no account to look in.
    if (!client) return null;
    let clues: ContactClues | null;
    try {
      const contact = await client.getContact(contactId, { signal: AbortSignal.timeout(deps.timeoutMs) });
      clues = { identifier: contact.identifier ?? null, email: contact.email?.toLowerCase() ?? null };
    } catch (error) {
      if (!isNotFound(error)) {
        deps.logger.warn("order view: Chatwoot contact look-up failed", { shop, contactId, error });
        throw new OrderViewLookupError("Chatwoot contact look-up failed");
      }
      clues = null;
    }
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    cache.set(key, { until: deps.now() + deps.cacheMs, clues });
    return clues;
  };
}

export type LookUpContact = ReturnType<typeof lookUpContactFactory>;
