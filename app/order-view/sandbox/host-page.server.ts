import type { Db } from "~/db.server";
import { getChatwootAccount } from "~/models/chatwoot-account.server";
import { listLinkedContacts } from "~/models/order-view.server";
import { getShop } from "~/models/shop.server";
import { newNonce } from "../http.server";
import { signOrderViewToken } from "../token.server";
import type { OrderViewConfig } from "../types";
import { demoAppContext, type DemoContact } from "./app-context";
import { hostHtml } from "./host-html";

/** A contact id no store has: picking it shows the "no customer" state. */
export const UNKNOWN_VISITOR_ID = 2_000_000_001;

/**
 * GET /sandbox/chatwoot: a Chatwoot-like page on the app's own origin that frames the demo store's
 * order view (with the store's current token, as provisioning put it in the dashboard app) and answers
 * its fetch-info like Chatwoot. `?contact=<id>&verified=0|1&locale=en|nl`.
 */
export function sandboxHostPageFactory(deps: { db: Db; config: OrderViewConfig }) {
  return async function sandboxHostPage(shop: string, url: URL): Promise<Response> {
    const appOrigin = new URL(deps.config.appUrl).origin;
    // The order view accepts the app's origin (SHOPIFY_APP_URL) as its sandbox parent, not an alias.
    if (url.origin !== appOrigin) return Response.redirect(`${appOrigin}${url.pathname}${url.search}`, 302);
    const [account, store, linked] = await Promise.all([
      getChatwootAccount(deps.db, { shop }),
      getShop(deps.db, { shop }),
      listLinkedContacts(deps.db, { shop }),
    ]);
    const contacts: DemoContact[] = linked.map(({ contactId, customer }) => ({
      contactId,
      name: [customer.firstName, customer.lastName].filter(Boolean).join(" ") || customer.email || contactId.toString(),
      email: customer.email,
      phone: customer.phone,
      identifier: customer.customerId,
    }));
    if (contacts.length) {
      contacts.push({
        contactId: UNKNOWN_VISITOR_ID,
        name: "Anonymous visitor",
        email: null,
        phone: null,
        identifier: null,
      });
    }
    const selected = contacts.find((c) => String(c.contactId) === url.searchParams.get("contact")) ?? contacts[0];
    const verified = url.searchParams.get("verified") !== "0";
    const locale = ["en", "nl"].includes(url.searchParams.get("locale") ?? "") ? url.searchParams.get("locale")! : "";
    const version = account?.orderViewTokenVersion ?? 1;
    const token = signOrderViewToken({ shop, version }, deps.config.signingSecret);
    const nonce = newNonce();
    const html = hostHtml({
      nonce,
      storeName: store?.name ?? shop,
      frameUrl: `${appOrigin}/order-view?token=${encodeURIComponent(token)}`,
      contacts,
      selected,
      verified,
      locale,
      context:
        selected &&
        demoAppContext({
          accountId: account?.accountId ?? 0,
          conversationId: contacts.indexOf(selected) + 1,
          contact: selected,
          verified,
          locale: locale || undefined,
        }),
      link: (change) => {
        const next = new URLSearchParams(url.searchParams);
        for (const [k, v] of Object.entries(change)) next.set(k, v);
        return `${url.pathname}?${next.toString()}`;
      },
    });
    return new Response(html, {
      headers: {
        "Content-Type": "text/html; charset=utf-8",
        "Content-Security-Policy": `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; frame-src ${appOrigin}; frame-ancestors 'none'`,
        "Cache-Control": "no-store",
      },
    });
  };
}
