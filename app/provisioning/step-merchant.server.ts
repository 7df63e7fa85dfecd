import { listAccountIdsOfOwner } from "~/models/chatwoot-account.server";
import { strongPassword } from "./step-service-user.server";
import { ProvisioningStepError } from "./errors.server";
import type { StepDefinition } from "./types";

/**
 * The store owner as an administrator of the account. Chatwoot returns the existing user for a
 * known e-mail, so a merchant with several stores is one Chatwoot user with one account per store.
 *
 * Chatwoot also hands the app that existing user whoever it is: the installation's operator, or a
 * user of accounts this app never made. Such a user is still made administrator here (the store
 * says that is its owner's address), but the app only signs in, with a one-click link, a user it
 * can answer for: one it just created (member of no account yet) or the same owner's user in
 * accounts the app provisioned for that owner's other stores. Anyone else signs in with their own
 * Chatwoot password.
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
    });
    const ownersAccounts = await listAccountIdsOfOwner(deps.db, { ownerEmail: email });
    const vouched = user.accounts?.every((a) => a.id === accountId || ownersAccounts.has(a.id)) ?? false;
    // Only the id is kept: an existing user's access token is theirs, not ours.
    await save({ merchantUserId: vouched ? user.id : null });
    await deps.platform.addAccountUser(accountId, { user_id: user.id, role: "administrator" });
  },
};
