import type { ChatwootPlatformClient } from "~/chatwoot";
import type { Db } from "~/db.server";
import { getChatwootAccount } from "~/models/chatwoot-account.server";

/**
 * A one-click sign-in link for the merchant (Chatwoot's platform login link, valid 5 minutes), so
 * the random password provisioning set is never needed.
 */
export function openChatwootFactory({ db, platform }: { db: Db; platform: ChatwootPlatformClient }) {
  return async function openChatwoot(shop: string): Promise<string | undefined> {
    const account = await getChatwootAccount(db, { shop });
    if (!account?.merchantUserId) return undefined;
    const { url } = await platform.getUserLoginLink(account.merchantUserId);
    return url;
  };
}

/** The theme editor, opened on the app embeds with ours switched on (the merchant still saves). */
export function themeEditorLink(shop: string, apiKey: string, blockHandle = "chat-embed"): string {
  const params = new URLSearchParams({ context: "apps", template: "index", activateAppId: `${apiKey}/${blockHandle}` });
  return `https://${shop}/admin/themes/current/editor?${params.toString()}`;
}
