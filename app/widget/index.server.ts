import { embedStatusFactory } from "./embed-status.server";
import { getWidgetSettingsFactory } from "./get-widget-settings.server";
import { embedRendererFactory } from "./sandbox/render-embed.server";
import { storefrontPreviewFactory } from "./sandbox/preview.server";
import { storeInboxFactory } from "./store-inbox.server";
import type { WidgetDeps } from "./types";
import { updateWidgetSettingsFactory } from "./update-widget-settings.server";

export type { EmbedStatus, WidgetDeps } from "./types";
export { parseWidgetSettings, REPLY_TIMES, type WidgetSettings, type WidgetSettingsErrors } from "./settings-form";
export { EMBED_BLOCK_HANDLE } from "./settings-data";

/** The storefront widget as the rest of the app sees it. */
export function createWidget(deps: WidgetDeps) {
  const storeInbox = storeInboxFactory(deps);
  let preview: ReturnType<typeof storefrontPreviewFactory> | undefined;
  return {
    embedStatus: embedStatusFactory(),
    getSettings: getWidgetSettingsFactory({ storeInbox }),
    updateSettings: updateWidgetSettingsFactory({ ...deps, storeInbox }),
    /** Sandbox only: reads the extension's Liquid from disk on first use. */
    storefrontPreview(...args: Parameters<ReturnType<typeof storefrontPreviewFactory>>) {
      preview ??= storefrontPreviewFactory({
        ...deps,
        storeInbox,
        renderAppEmbed: embedRendererFactory({ assetBaseUrl: "/sandbox/storefront/assets" }),
      });
      return preview(...args);
    },
  };
}

export type Widget = ReturnType<typeof createWidget>;
