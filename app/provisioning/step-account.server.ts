import { randomInt } from "node:crypto";
import { ChatwootHttpError, isNotFound } from "~/chatwoot";
import { toChatwootLocale } from "./chatwoot-locale";
import type { StepDefinition } from "./types";

/** The custom attribute that ties a Chatwoot account to its store, for look-up after a crash. */
export const SHOP_MARKER = "shopify_shop";

/**
 * One Chatwoot account per store. A reinstall finds the recorded account and reuses it. When the
 * app crashed between Chatwoot's answer and our save, the account is found again through the
 * platform's account list by its shop marker instead of being created twice.
 */
export const accountStep: StepDefinition = {
  name: "account",
  label: "Create the store's Chatwoot account",
  async run({ shop, deps, save, account, shopRow, logger }) {
    const { platform } = deps;
    const recorded = await account();
    const store = await shopRow();
    if (recorded.accountId) {
      try {
        const existing = await platform.getAccount(recorded.accountId);
        // Keep what we own up to date without dropping keys Chatwoot keeps in custom_attributes.
        if (existing.status === "suspended" || existing.name !== store.name) {
          await platform.updateAccount(recorded.accountId, {
            name: store.name,
            status: "active",
            custom_attributes: { ...(existing.custom_attributes ?? {}), [SHOP_MARKER]: shop },
          });
        }
        return;
      } catch (error) {
        if (!isNotFound(error)) throw error;
        logger.warn("recorded Chatwoot account is gone; creating a new one", { accountId: recorded.accountId });
      }
    }
    const found = await findAccountByMarker(deps.platform, shop);
    const created =
      found ??
      (await platform.createAccount({
        name: store.name,
        locale: toChatwootLocale(store.locale),
        ...(store.email ? { support_email: store.email } : {}),
        custom_attributes: { [SHOP_MARKER]: shop },
      }));
    // The order view's URLs name the store and a token version only. A store that gets a new
    // account (after shop/redact deleted everything, or the old account was deleted in Chatwoot)
    // starts at a random version, so a URL made for an earlier account is never honoured again.
    await save({ accountId: created.id, orderViewTokenVersion: randomInt(2, 2 ** 31 - 1) });
  },
};

async function findAccountByMarker(platform: StepDefinitionDeps, shop: string) {
  try {
    const accounts = await platform.listAccounts();
    return accounts.find((a) => a?.custom_attributes?.[SHOP_MARKER] === shop);
  } catch (error) {
    // Chatwoot's list answers 500 for good once any account this platform app created was
    // deleted (it maps stale permissible rows to nil). Then the marker look-up is unavailable and
    // we create. Anything else (unreachable, refused) stops the step.
    if (error instanceof ChatwootHttpError && error.status === 500) return undefined;
    throw error;
  }
}

type StepDefinitionDeps = Parameters<StepDefinition["run"]>[0]["deps"]["platform"];
