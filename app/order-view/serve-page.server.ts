import type { Logger } from "~/lib/logger.server";
import type { AuthenticateOrderView } from "./authenticate.server";
import { OrderViewError } from "./errors";
import { newNonce, pagePolicy, securityHeaders } from "./http.server";
import { parentOrigins } from "./origins";
import { renderOrderViewErrorPage, renderOrderViewPage } from "./page/render-page.server";
import { localeFromAcceptLanguage, ORDER_VIEW_STRINGS } from "./strings";
import type { OrderViewConfig } from "./types";

/**
 * GET /order-view?token=…: the page Chatwoot frames. It holds no customer data, only the store's look
 * and the script that asks Chatwoot for the conversation and then calls the API with the same token.
 * A refused token gets a 401 page in plain words.
 */
export function servePageFactory(deps: {
  authenticate: AuthenticateOrderView;
  config: OrderViewConfig;
  logger: Logger;
}) {
  return async function servePage(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const locale = localeFromAcceptLanguage(request.headers.get("Accept-Language"));
    const nonce = newNonce();
    const html = (body: string, status: number, origins: string[]) =>
      new Response(body, {
        status,
        headers: { ...securityHeaders(origins, pagePolicy(nonce)), "Content-Type": "text/html; charset=utf-8" },
      });
    try {
      const token = url.searchParams.get("token") ?? "";
      const store = await deps.authenticate(token);
      const origins = parentOrigins(deps.config, store.shop);
      const config = {
        token,
        api: `${url.pathname.replace(/\/+$/, "")}/api`,
        parentOrigins: origins,
        strings: ORDER_VIEW_STRINGS,
        locale,
      };
      return html(
        renderOrderViewPage({ nonce, storeName: store.name, brandColor: store.brandColor, config }),
        200,
        origins,
      );
    } catch (error) {
      const status = error instanceof OrderViewError ? error.status : 500;
      if (status === 500) deps.logger.error("order view: page failed", { error });
      const message = ORDER_VIEW_STRINGS[locale][status === 401 ? "unauthorized" : "failed"];
      return html(renderOrderViewErrorPage({ nonce, locale, message }), status, parentOrigins(deps.config, undefined));
    }
  };
}
