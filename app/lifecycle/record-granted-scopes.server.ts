import type { Db } from "~/db.server";
import { updateOfflineSessionScope } from "~/models/session.server";

/**
 * app/scopes_update: the scopes the merchant granted now, kept on the store's offline session so
 * the next admin request compares against them. The session is changed in the database directly
 * (its token is not needed, so it is neither loaded nor refreshed), then dropped from the read cache.
 */
export function recordGrantedScopesFactory(deps: { db: Db; forgetSessions(shop: string): void }) {
  return async function recordGrantedScopes(shop: string, scopes: readonly string[]): Promise<void> {
    await updateOfflineSessionScope(deps.db, { shop, scope: scopes.join(",") });
    deps.forgetSessions(shop);
  };
}
