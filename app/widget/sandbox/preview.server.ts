import { readAppMetafields } from "../app-metafields.server";
import type { StoreInbox } from "../store-inbox.server";
import type { WidgetDeps } from "../types";
import type { RenderAppEmbed } from "./render-embed.server";
import { DEMO_CUSTOMERS, storefrontPage } from "./storefront-page";

/** `?widget=`: the page without chat, with Chatwoot's own snippet pasted in, or with our embed. */
export type PreviewWidget = "none" | "official" | "ours";

const SETTING_PARAMS = ["enabled", "position", "launcher_label", "color", "load_mode", "hide_on"];

interface PreviewDeps extends Pick<WidgetDeps, "adminFor" | "logger"> {
  storeInbox(shop: string): Promise<StoreInbox | undefined>;
  renderAppEmbed: RenderAppEmbed;
}

/**
 * The sandbox storefront: the block's real Liquid rendered with the app-data metafields the
 * (fake) Admin API holds, against the store's Chatwoot. Query: `customer`, `widget`, `locale`,
 * `page` (request.page_type), `design_mode=1`, and any block setting by its id.
 */
export function storefrontPreviewFactory(deps: PreviewDeps) {
  const allowedOrigins = new Set<string>();

  // The inbox may only be framed by the store's domains; the preview runs on the sandbox's host.
  async function allowPreviewOrigin(shop: string, host: string, inbox: StoreInbox) {
    if (allowedOrigins.has(`${shop} ${host}`)) return;
    const current = await inbox.client.getInbox(inbox.inboxId);
    const domains = (current.allowed_domains ?? "")
      .split(",")
      .map((d) => d.trim())
      .filter(Boolean);
    if (domains.length > 0 && !domains.includes(host)) {
      await inbox.client.updateInbox(inbox.inboxId, { channel: { allowed_domains: [...domains, host].join(",") } });
      deps.logger.info("sandbox: storefront preview host allowed to frame the widget", { shop, host });
    }
    allowedOrigins.add(`${shop} ${host}`);
  }

  return async function storefrontPreview(shop: string, shopName: string, url: URL): Promise<Response> {
    const q = url.searchParams;
    const customerHandle = q.get("customer") || undefined;
    const customer = customerHandle ? DEMO_CUSTOMERS[customerHandle] : undefined;
    if (customerHandle && !customer) return new Response(`No demo customer "${customerHandle}"`, { status: 404 });
    const widget = (q.get("widget") ?? "ours") as PreviewWidget;
    const locale = q.get("locale") ?? "en";
    let bodyEnd = "";
    const inbox = widget === "none" ? undefined : await deps.storeInbox(shop);
    if (inbox) await allowPreviewOrigin(shop, url.host, inbox);
    if (widget === "official" && inbox) {
      bodyEnd = (await inbox.client.getInbox(inbox.inboxId)).web_widget_script ?? "";
    } else if (widget === "ours") {
      const metafields = await readAppMetafields(await deps.adminFor(shop)).catch((error: unknown) => {
        deps.logger.warn("sandbox: app-data metafields unreadable; rendering as unprovisioned", { shop, error });
        return [];
      });
      const settings = Object.fromEntries(SETTING_PARAMS.filter((id) => q.has(id)).map((id) => [id, q.get(id)]));
      bodyEnd = await deps.renderAppEmbed({
        metafields,
        customer,
        locale,
        primaryLocale: "en",
        pageType: q.get("page") ?? "index",
        designMode: q.get("design_mode") === "1",
        host: url.host,
        path: url.pathname,
        settings,
      });
    }
    const html = storefrontPage({ shopName, url, customerHandle, bodyEnd, locale });
    return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
  };
}
