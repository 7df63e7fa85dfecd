import type { Db } from "~/db.server";
import { getChatwootAccount } from "~/models/chatwoot-account.server";
import { getShop } from "~/models/shop.server";
import { OrderViewRateLimitError, OrderViewUnauthorizedError } from "./errors";
import type { RateLimiter } from "./rate-limit";
import { readOrderViewToken } from "./token.server";
import type { OrderViewStore } from "./types";

/**
 * Checks the token in the dashboard app URL and finds the store it speaks for. The signature is checked
 * first (no database work for forgeries), then the rate limit, then that the token's version is the
 * store's current one (bumping it revokes every older URL) and the store still has the app.
 *
 * `accountId` is the Chatwoot account the agent's conversation belongs to, from the (unsigned)
 * appContext. It cannot prove anything, but a URL pasted into another store's Chatwoot is caught here
 * instead of answering with the wrong store's "unknown customer".
 */
export function authenticateOrderViewFactory(deps: { db: Db; secret: string; limiter?: RateLimiter }) {
  return async function authenticateOrderView(
    token: string | null | undefined,
    { accountId }: { accountId?: number } = {},
  ): Promise<OrderViewStore> {
    if (!token) throw new OrderViewUnauthorizedError("no token");
    const claims = readOrderViewToken(token, deps.secret);
    if (!claims) throw new OrderViewUnauthorizedError("bad signature");
    const decision = deps.limiter?.take(`${claims.shop}:${claims.version}`);
    if (decision && !decision.ok) throw new OrderViewRateLimitError(decision.retryAfterSeconds);
    const [account, store] = await Promise.all([
      getChatwootAccount(deps.db, { shop: claims.shop }),
      getShop(deps.db, { shop: claims.shop }),
    ]);
    if (!account?.accountId) throw new OrderViewUnauthorizedError("store has no Chatwoot account");
    if (account.orderViewTokenVersion !== claims.version) throw new OrderViewUnauthorizedError("revoked version");
    if (!store || store.uninstalledAt) throw new OrderViewUnauthorizedError("store uninstalled");
    if (accountId !== undefined && accountId !== account.accountId) {
      throw new OrderViewUnauthorizedError("token belongs to another Chatwoot account");
    }
    return {
      shop: claims.shop,
      accountId: account.accountId,
      name: store.name,
      brandColor: store.brandColor ?? account.widgetColor,
    };
  };
}

export type AuthenticateOrderView = ReturnType<typeof authenticateOrderViewFactory>;

/** The token of an API request: `Authorization: Bearer <token>` (kept out of URLs and access logs). */
export function bearerToken(request: Request): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get("Authorization") ?? "");
  return match?.[1];
}
