import { z } from "zod";
import { REPLY_TIMES, type WidgetSettings } from "./settings-form";
import type { StoreInbox } from "./store-inbox.server";

// The inbox as Chatwoot returns it; only the fields the Widget page edits, with Chatwoot's defaults.
const inboxSettingsSchema = z.looseObject({
  welcome_title: z.string().nullish(),
  welcome_tagline: z.string().nullish(),
  greeting_enabled: z.boolean().nullish(),
  greeting_message: z.string().nullish(),
  reply_time: z.enum(REPLY_TIMES).nullish().catch(null),
  widget_color: z.string().nullish(),
});

/** The widget settings as Chatwoot has them now; undefined while the store is not provisioned. */
export function getWidgetSettingsFactory({
  storeInbox,
}: {
  storeInbox(shop: string): Promise<StoreInbox | undefined>;
}) {
  return async function getWidgetSettings(shop: string): Promise<WidgetSettings | undefined> {
    const inbox = await storeInbox(shop);
    if (!inbox) return undefined;
    const current = inboxSettingsSchema.parse(await inbox.client.getInbox(inbox.inboxId));
    return {
      welcome_title: current.welcome_title ?? "",
      welcome_tagline: current.welcome_tagline ?? "",
      greeting_enabled: current.greeting_enabled ?? false,
      greeting_message: current.greeting_message ?? "",
      reply_time: current.reply_time ?? "in_a_few_minutes",
      widget_color: current.widget_color ?? "#1f93ff",
    };
  };
}
