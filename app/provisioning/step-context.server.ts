import { decryptSecret } from "~/lib/crypto.server";
import { getChatwootAccount, saveChatwootAccount } from "~/models/chatwoot-account.server";
import { getShop } from "~/models/shop.server";
import type { ProvisioningDeps, StepContext } from "./types";

/** Builds what a step sees; every read goes to the database so a resumed run sees saved progress. */
export function createStepContext(shop: string, deps: ProvisioningDeps, step: string): StepContext {
  const { db } = deps;
  const account = async () => (await getChatwootAccount(db, { shop })) ?? saveChatwootAccount(db, { shop }, {});
  return {
    shop,
    deps,
    logger: deps.logger.child({ shop, step }),
    now: () => (deps.now ?? (() => new Date()))(),
    shopRow: async () => {
      const row = await getShop(db, { shop });
      if (!row) throw new Error(`no Shop row for ${shop}`);
      return row;
    },
    account,
    save: (patch) => saveChatwootAccount(db, { shop }, patch),
    storeClient: async () => {
      const recorded = await account();
      if (!recorded.accountId || !recorded.serviceTokenCipher) {
        throw new Error(`${step} ran before the service user existed`);
      }
      return deps.accountClient(recorded.accountId, decryptSecret(recorded.serviceTokenCipher, deps.keys));
    },
  };
}
