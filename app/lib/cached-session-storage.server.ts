import type { Session } from "@shopify/shopify-api";
import type { SessionStorage } from "@shopify/shopify-app-session-storage";

/**
 * Remembers loaded sessions for a few seconds. Every webhook the SDK authenticates loads the
 * store's offline session; a burst of deliveries for one store then costs one read instead of one
 * per delivery. Writes and deletes through this storage update the cache at once; other
 * instances' changes are seen within `ttlMs`.
 */
export class CachedSessionStorage implements SessionStorage {
  private readonly cache = new Map<string, { session: Session | undefined; until: number }>();

  constructor(
    private readonly inner: SessionStorage,
    private readonly ttlMs = 5000,
    private readonly maxEntries = 5000,
  ) {}

  async storeSession(session: Session): Promise<boolean> {
    this.cache.delete(session.id);
    return this.inner.storeSession(session);
  }

  async loadSession(id: string): Promise<Session | undefined> {
    const hit = this.cache.get(id);
    if (hit && hit.until > Date.now()) return hit.session;
    const session = await this.inner.loadSession(id);
    if (this.cache.size >= this.maxEntries) this.cache.clear();
    this.cache.set(id, { session, until: Date.now() + this.ttlMs });
    return session;
  }

  async deleteSession(id: string): Promise<boolean> {
    this.cache.delete(id);
    return this.inner.deleteSession(id);
  }

  async deleteSessions(ids: string[]): Promise<boolean> {
    for (const id of ids) this.cache.delete(id);
    return this.inner.deleteSessions(ids);
  }

  findSessionsByShop(shop: string): Promise<Session[]> {
    return this.inner.findSessionsByShop(shop);
  }

  /** Forgets a store's sessions after they were changed outside this storage (uninstall). */
  forgetShop(shop: string) {
    for (const [id, entry] of this.cache) if (id.includes(shop) || entry.session?.shop === shop) this.cache.delete(id);
  }
}
