import { createdForStore, wasCreatedForStore } from "./created-for-store";
import { strongPassword } from "./step-service-user.server";
import { ProvisioningStepError } from "./errors.server";
import type { StepDefinition } from "./types";

/**
 * The store owner as an administrator of the account. Chatwoot returns the existing user for a
 * known e-mail, so a merchant with several stores is one Chatwoot user with one account per store.
 *
 * Chatwoot also hands the app that existing user whoever it is: the installation's operator, another
 * store's merchant, a user of accounts this app never made. A store's e-mail is the store's own word,
 * so it proves nothing about who holds that user. Such a user is still made administrator here, but
 * the app signs in with a one-click link only a user created by this store's install (see
 * created-for-store.ts), whatever its accounts are and whatever this store recorded before. Anyone
 * else signs in with their own Chatwoot password; a merchant with several stores reaches them all
 * from the store whose install created their user.
 */
export const merchantStep: StepDefinition = {
  name: "merchant",
  label: "Make you an administrator",
  async run({ deps, save, account, shopRow }) {
    const { accountId } = await account();
    if (!accountId) throw new Error("merchant ran before the account existed");
    const store = await shopRow();
    const email = store.ownerEmail?.trim().toLowerCase();
    if (!email) {
      throw new ProvisioningStepError("Shopify did not tell us the store owner's e-mail address.");
    }
    if (email.endsWith(`@${deps.config.serviceUserEmailDomain.toLowerCase()}`)) {
      throw new ProvisioningStepError(
        `The store's e-mail address (${email}) is in ${deps.config.serviceUserEmailDomain}, the domain this app ` +
          "keeps for its own Chatwoot users. Change the store's e-mail in Shopify's settings, then retry.",
      );
    }
    const user = await deps.platform.createUser({
      name: store.ownerName || store.name,
      email,
      password: strongPassword(),
      custom_attributes: createdForStore(store.shop),
    });
    const vouched = wasCreatedForStore(user, store.shop);
    // Only the id is kept: an existing user's access token is theirs, not ours.
    await save({ merchantUserId: vouched ? user.id : null });
    await deps.platform.addAccountUser(accountId, { user_id: user.id, role: "administrator" });
  },
};
