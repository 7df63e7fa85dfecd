import { Session } from "@shopify/shopify-api";
import type { SessionStorage } from "@shopify/shopify-app-session-storage";
import { decryptSecret, encryptSecret, type KeyRing } from "./crypto.server";

/**
 * Keeps the Shopify offline and refresh tokens encrypted at rest (AES-256-GCM under the key ring),
 * whatever the storage underneath. A token stored before encryption was on is read as it is and
 * sealed the next time the session is stored (or by `npm run secrets:rotate`).
 */
export class EncryptedSessionStorage implements SessionStorage {
  constructor(
    private readonly inner: SessionStorage,
    private readonly keys: KeyRing,
  ) {}

  private seal(session: Session): Session {
    const copy = new Session(session.toObject());
    if (copy.accessToken) copy.accessToken = encryptSecret(copy.accessToken, this.keys);
    if (copy.refreshToken) copy.refreshToken = encryptSecret(copy.refreshToken, this.keys);
    return copy;
  }

  private open(session: Session | undefined): Session | undefined {
    if (!session) return session;
    const copy = new Session(session.toObject());
    const read = (value: string) => (value.startsWith("v1.") ? decryptSecret(value, this.keys) : value);
    if (copy.accessToken) copy.accessToken = read(copy.accessToken);
    if (copy.refreshToken) copy.refreshToken = read(copy.refreshToken);
    return copy;
  }

  storeSession(session: Session): Promise<boolean> {
    return this.inner.storeSession(this.seal(session));
  }

  async loadSession(id: string): Promise<Session | undefined> {
    return this.open(await this.inner.loadSession(id));
  }

  deleteSession(id: string): Promise<boolean> {
    return this.inner.deleteSession(id);
  }

  deleteSessions(ids: string[]): Promise<boolean> {
    return this.inner.deleteSessions(ids);
  }

  async findSessionsByShop(shop: string): Promise<Session[]> {
    return (await this.inner.findSessionsByShop(shop)).map((s) => this.open(s)!);
  }
}
