import type { ChatwootPlatformClient } from "~/chatwoot";
import type { Db } from "~/db.server";
import { getChatwootAccount } from "~/models/chatwoot-account.server";

/**
 * Where "Open Chatwoot" takes the merchant: a one-click sign-in link (Chatwoot's platform login
 * link, valid 5 minutes) for a Chatwoot user the app created for them, so the random password
 * provisioning set is never needed. A merchant who already had a Chatwoot user of their own gets
 * Chatwoot's sign-in page instead (see step-merchant.server.ts).
 */
export function openChatwootFactory({
  db,
  platform,
  chatwootUrl,
}: {
  db: Db;
  platform: ChatwootPlatformClient;
  chatwootUrl: string;
}) {
  return async function openChatwoot(shop: string): Promise<string | undefined> {
    const account = await getChatwootAccount(db, { shop });
    if (!account?.accountId) return undefined;
    if (!account.merchantUserId) return new URL("/app/login", chatwootUrl).toString();
    const { url } = await platform.getUserLoginLink(account.merchantUserId);
    return url;
  };
}

/** The theme editor, opened on the app embeds with ours switched on (the merchant still saves). */
export function themeEditorLink(shop: string, apiKey: string, blockHandle = "chat-embed"): string {
  const params = new URLSearchParams({ context: "apps", template: "index", activateAppId: `${apiKey}/${blockHandle}` });
  return `https://${shop}/admin/themes/current/editor?${params.toString()}`;
}
