import type { Session } from "@shopify/shopify-api";
import type { SessionStorage } from "@shopify/shopify-app-session-storage";

/**
 * The session storage of a shopifyApp that only verifies webhooks. It holds no session, so
 * authenticate.webhook never loads one: it builds no Admin API client and, above all, never
 * refreshes an expiring offline token with a call to Shopify on the webhook's request path.
 * Nothing signs a merchant in through that instance, so nothing should ever store a session in it.
 */
export class NoSessionStorage implements SessionStorage {
  async storeSession(session: Session): Promise<boolean> {
    throw new Error(`this shopifyApp only verifies webhooks and keeps no sessions (asked to store ${session.id})`);
  }

  async loadSession(): Promise<Session | undefined> {
    return undefined;
  }

  async deleteSession(): Promise<boolean> {
    return true;
  }

  async deleteSessions(): Promise<boolean> {
    return true;
  }

  async findSessionsByShop(): Promise<Session[]> {
    return [];
  }
}
