import { strongPassword } from "./step-service-user.server";
import { ProvisioningStepError } from "./errors.server";
import type { StepDefinition } from "./types";

/**
 * The store owner as an administrator of the account. Chatwoot returns the existing user for a
 * known e-mail, so a merchant with several stores is one Chatwoot user with one account per store.
 * The merchant signs in through the one-click link in the app; the random password is never used.
 */
export const merchantStep: StepDefinition = {
  name: "merchant",
  label: "Make you an administrator",
  async run({ deps, save, account, shopRow }) {
    const { accountId } = await account();
    if (!accountId) throw new Error("merchant ran before the account existed");
    const store = await shopRow();
    if (!store.ownerEmail) {
      throw new ProvisioningStepError("Shopify did not tell us the store owner's e-mail address.");
    }
    const user = await deps.platform.createUser({
      name: store.ownerName || store.name,
      email: store.ownerEmail,
      password: strongPassword(),
    });
    // Only the id is kept: an existing user's access token is theirs, not ours.
    await save({ merchantUserId: user.id });
    await deps.platform.addAccountUser(accountId, { user_id: user.id, role: "administrator" });
  },
};
