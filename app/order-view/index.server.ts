import { authenticateOrderViewFactory } from "./authenticate.server";
import { getOrderViewFactory } from "./get-order-view.server";
import { lookUpContactFactory } from "./look-up-contact.server";
import { createRateLimiter } from "./rate-limit";
import { requestResyncFactory } from "./request-resync.server";
import { resolveCustomerFactory } from "./resolve-customer.server";
import { serveApiFactory } from "./serve-api.server";
import { servePageFactory } from "./serve-page.server";
import { ORDER_VIEW_DEFAULTS, type OrderViewDeps } from "./types";

export type { OrderViewConfig, OrderViewDeps, OrderViewPayload } from "./types";
export { signOrderViewToken } from "./token.server";

/**
 * The order view: the page Chatwoot's "Order history" dashboard app frames, and its JSON API. Routes
 * hand it the request and return its Response.
 */
export function createOrderView(deps: OrderViewDeps) {
  const options = { ...ORDER_VIEW_DEFAULTS, ...deps.options };
  const now = () => (deps.now ?? (() => new Date()))().getTime();
  const { db, config, logger } = deps;
  const limiter = createRateLimiter({ limit: options.requestsPerMinute, now });
  const lookUpContact = lookUpContactFactory({
    storeClient: deps.storeClient,
    logger,
    cacheMs: options.lookupCacheMs,
    timeoutMs: options.lookupTimeoutMs,
    now,
  });
  const resolveCustomer = resolveCustomerFactory({ db, lookUpContact });
  const api = serveApiFactory({
    // Only the API counts against the rate limit; the page holds no customer data.
    authenticate: authenticateOrderViewFactory({ db, secret: config.signingSecret, limiter }),
    getOrderView: getOrderViewFactory({ db, resolveCustomer, pageSize: options.pageSize }),
    requestResync: requestResyncFactory({ queue: deps.queue, resolveCustomer, logger }),
    config,
    logger,
    maxPage: options.maxPage,
  });
  return {
    page: servePageFactory({
      authenticate: authenticateOrderViewFactory({ db, secret: config.signingSecret }),
      config,
      logger,
    }),
    read: api.read,
    resync: api.write,
  };
}

export type OrderView = ReturnType<typeof createOrderView>;
