import type { Logger } from "~/lib/logger.server";
import { BodyTooLargeError, readLimited } from "~/sync/read-limited";
import { bearerToken, type AuthenticateOrderView } from "./authenticate.server";
import { OrderViewBadRequestError, OrderViewError } from "./errors";
import type { getOrderViewFactory } from "./get-order-view.server";
import { errorResponse, jsonResponse } from "./http.server";
import { parentOrigins } from "./origins";
import type { requestResyncFactory } from "./request-resync.server";
import { MAX_BODY_BYTES, readQuerySchema, resyncBodySchema } from "./schemas";
import type { OrderViewConfig } from "./types";

interface ApiDeps {
  authenticate: AuthenticateOrderView;
  getOrderView: ReturnType<typeof getOrderViewFactory>;
  requestResync: ReturnType<typeof requestResyncFactory>;
  config: OrderViewConfig;
  logger: Logger;
  maxPage: number;
}

/**
 * The JSON API behind the page, authenticated by the same token (as a Bearer header). The token is
 * checked before the input, so a request without a valid token learns nothing, not even a 400.
 */
export function serveApiFactory(deps: ApiDeps) {
  const querySchema = readQuerySchema(deps.maxPage);

  /** GET ?contact=&account=&page=: the contact's customer and one page of orders. */
  async function read(request: Request): Promise<Response> {
    let origins = parentOrigins(deps.config, undefined);
    try {
      const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
      const accountId = query.success ? query.data.account : undefined;
      const store = await deps.authenticate(bearerToken(request), { accountId });
      origins = parentOrigins(deps.config, store.shop);
      if (!query.success) throw new OrderViewBadRequestError("contact and account must be Chatwoot ids");
      const started = performance.now();
      const payload = await deps.getOrderView(store, { contactId: query.data.contact, page: query.data.page });
      const ms = Math.round(performance.now() - started);
      deps.logger.debug("order view read", {
        shop: store.shop,
        contactId: query.data.contact,
        status: payload.status,
        ms,
      });
      return jsonResponse(payload, 200, origins);
    } catch (error) {
      return errorResponse(error, origins, deps.logger);
    }
  }

  /** POST {intent: "resync", contact, account}: queue a resync of the contact's customer. */
  async function write(request: Request): Promise<Response> {
    let origins = parentOrigins(deps.config, undefined);
    try {
      if (request.method !== "POST") throw new OrderViewError(405, "method_not_allowed", "POST only");
      const body = parseBody(await readBody(request));
      const store = await deps.authenticate(bearerToken(request), { accountId: body?.account });
      origins = parentOrigins(deps.config, store.shop);
      if (!body) throw new OrderViewBadRequestError("expected {intent: 'resync', contact, account}");
      return jsonResponse(await deps.requestResync(store, { contactId: body.contact }), 202, origins);
    } catch (error) {
      return errorResponse(error, origins, deps.logger);
    }
  }

  return { read, write };
}

/** The body, refused past MAX_BODY_BYTES before it is buffered (no token has been checked yet). */
async function readBody(request: Request): Promise<string> {
  try {
    return await readLimited(request, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new OrderViewError(413, "too_large", error.message);
    throw error;
  }
}

function parseBody(text: string) {
  try {
    const parsed = resyncBodySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
