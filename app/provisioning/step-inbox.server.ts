import { isNotFound } from "~/chatwoot";
import { encryptSecret } from "~/lib/crypto.server";
import { withStoreHosts } from "~/widget/allowed-domains";
import { ProvisioningStepError } from "./errors.server";
import { NEUTRAL_WIDGET_COLOR, widgetCopy } from "./widget-copy";
import type { StepDefinition } from "./types";

/** The inbox's name; also how a retry finds an inbox created just before a crash. */
export const INBOX_NAME = "Online store chat";

/**
 * The storefront's web-widget inbox, with identity validation mandatory so only a shopper whose
 * identifier_hash the app computed can claim a Shopify customer identity.
 */
export const inboxStep: StepDefinition = {
  name: "inbox",
  label: "Create the website chat inbox",
  async run({ deps, save, account, shopRow, storeClient, shop }) {
    const client = await storeClient();
    const recorded = await account();
    const store = await shopRow();
    let inbox = recorded.inboxId ? await client.getInbox(recorded.inboxId).catch(orUndefinedOnNotFound) : undefined;
    inbox ??= (await client.listInboxes()).find(
      (i) => i.name === INBOX_NAME && i.channel_type === "Channel::WebWidget",
    );
    if (!inbox) {
      const websiteUrl = store.primaryDomainUrl ?? `https://${shop}`;
      inbox = await client.createWebWidgetInbox({
        name: INBOX_NAME,
        channel: {
          website_url: websiteUrl,
          widget_color: store.brandColor ?? NEUTRAL_WIDGET_COLOR,
          ...widgetCopy(store.locale, store.name),
          reply_time: "in_a_few_minutes",
          hmac_mandatory: true,
          // The widget may only be framed by the store's own domains.
          allowed_domains: [new URL(websiteUrl).host, shop].filter((v, i, all) => all.indexOf(v) === i).join(","),
        },
      });
    } else {
      // A re-run (retry, reinstall) also lets a primary domain connected since then frame the widget.
      const primaryHost = store.primaryDomainUrl ? new URL(store.primaryDomainUrl).host : shop;
      const allowed = withStoreHosts(inbox.allowed_domains, [primaryHost, shop]);
      if (!inbox.hmac_mandatory || allowed !== null) {
        inbox = await client.updateInbox(inbox.id, {
          channel: { hmac_mandatory: true, ...(allowed !== null ? { allowed_domains: allowed } : {}) },
        });
      }
    }
    if (!inbox.hmac_token || !inbox.website_token) {
      throw new ProvisioningStepError(
        "Chatwoot did not return the inbox's identity secret; the app's user must be an administrator.",
      );
    }
    await save({
      inboxId: inbox.id,
      websiteToken: inbox.website_token,
      hmacTokenCipher: encryptSecret(inbox.hmac_token, deps.keys),
      widgetColor: inbox.widget_color ?? store.brandColor ?? NEUTRAL_WIDGET_COLOR,
    });
  },
};

function orUndefinedOnNotFound(error: unknown): undefined {
  if (isNotFound(error)) return undefined;
  throw error;
}
