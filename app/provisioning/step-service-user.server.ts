import { randomBytes } from "node:crypto";
import { encryptSecret } from "~/lib/crypto.server";
import { createdForStore, wasCreatedForStore } from "./created-for-store";
import { ProvisioningStepError } from "./errors.server";
import type { StepDefinition } from "./types";

/** A password Chatwoot accepts (upper, lower, digit, special) that nobody ever types. */
export function strongPassword(): string {
  return `${randomBytes(24).toString("base64url")}aA1!`;
}

/** The service user's address: unique per store, so Chatwoot never hands back another store's user. */
export function serviceUserEmail(shop: string, domain: string): string {
  return `shopify-${shop.replace(/\.myshopify\.com$/, "").toLowerCase()}@${domain}`;
}

/**
 * The app's own user in the store's account. Its access token is the only credential the app uses
 * for that account's Application API, so one store's token can never reach another store's data.
 * Creating a user whose e-mail exists returns that user, which makes this step safe to repeat; a
 * user with that address that this store's install did not create (someone signed up with it, say)
 * is refused, since its owner could sign in to the store's account with their own password.
 */
export const serviceUserStep: StepDefinition = {
  name: "service_user",
  label: "Add the app's service user",
  async run({ shop, deps, save, account, shopRow }) {
    const { accountId, serviceUserId } = await account();
    if (!accountId) throw new Error("service_user ran before the account existed");
    const store = await shopRow();
    const email = serviceUserEmail(shop, deps.config.serviceUserEmailDomain);
    const user = await deps.platform.createUser({
      name: `${store.name} (Shopify)`,
      display_name: "Shopify",
      email,
      password: strongPassword(),
      custom_attributes: createdForStore(shop),
    });
    // The user this store already recorded as its own (created before users carried the store's name).
    if (!wasCreatedForStore(user, shop) && user.id !== serviceUserId) {
      throw new ProvisioningStepError(
        `Chatwoot already has a user ${email} that this app did not create for this store. Delete that ` +
          "user in Chatwoot (Super Admin, Users), or set SERVICE_USER_EMAIL_DOMAIN to a domain you control, then retry.",
      );
    }
    await save({
      serviceUserId: user.id,
      serviceUserEmail: email,
      serviceTokenCipher: encryptSecret(user.access_token, deps.keys),
    });
    // Administrator: needed to create inboxes and to read the inbox's hmac_token.
    await deps.platform.addAccountUser(accountId, { user_id: user.id, role: "administrator" });
  },
};
