import { randomBytes } from "node:crypto";
import { setUpValidSession } from "@shopify/shopify-api/test-helpers";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { decryptSecret, SecretDecryptionError } from "~/lib/crypto.server";
import { EncryptedSessionStorage } from "~/lib/encrypted-session-storage.server";
import { rotateSecrets } from "~/lib/rotate-secrets.server";
import { createProvisioning } from "~/provisioning/index.server";
import { dbKind, dbSkipReason } from "../support/database";
import { createTestShopify } from "../support/shopify";
import { SHOP_A, startProvisioningHarness, type ProvisioningHarness } from "../support/provisioning-harness";

describe.skipIf(dbSkipReason)(`rotating the encryption key (${dbKind})`, () => {
  let h: ProvisioningHarness;
  beforeEach(async () => {
    h = await startProvisioningHarness();
    await h.shopify.install(SHOP_A);
  });
  afterEach(async () => h.close());

  it("re-encrypts every secret, so the app restarts with only the new key and the old one can go", async () => {
    // GIVEN secrets written under the old key: a provisioned store and an encrypted Shopify session
    const oldKey = h.deps.keys[0]!;
    const newKey = { id: "k2", key: randomBytes(32) };
    expect(await h.provisioning.run(SHOP_A)).toBe("provisioned");
    const prisma = new PrismaSessionStorage(h.database.db, { connectionRetries: 1, connectionRetryIntervalMs: 10 });
    await new EncryptedSessionStorage(prisma, [oldKey]).storeSession(
      setUpValidSession({ shop: "other-store.myshopify.com" }),
    );
    const stored = await h.database.db.session.findUnique({ where: { id: "offline_other-store.myshopify.com" } });
    expect(stored?.accessToken.startsWith(`v1.${oldKey.id}.`)).toBe(true);
    // WHEN the new key goes first and the rotation runs
    const result = await rotateSecrets(h.database.db, [newKey, oldKey]);
    // THEN the app works with the new key alone
    expect(result.rewritten).toBeGreaterThanOrEqual(3);
    const account = (await h.database.db.chatwootAccount.findUnique({ where: { shop: SHOP_A } }))!;
    const serviceUser = h.sim.state.users.find((u) => u.id === account.serviceUserId)!;
    expect(decryptSecret(account.serviceTokenCipher!, [newKey])).toBe(serviceUser.accessToken);
    expect(() => decryptSecret(account.serviceTokenCipher!, [oldKey])).toThrow(SecretDecryptionError);
    const session = await new EncryptedSessionStorage(prisma, [newKey]).loadSession(
      "offline_other-store.myshopify.com",
    );
    expect(session?.accessToken).toBe("totally_real_token");
    const restartedShopify = createTestShopify(h.database.db, h.fakeAdmin, [newKey]);
    const restarted = createProvisioning({ ...h.deps, keys: [newKey], adminFor: restartedShopify.adminFor });
    expect(await restarted.run(SHOP_A)).toBe("provisioned");
    // AND a second run has nothing left to do
    expect((await rotateSecrets(h.database.db, [newKey])).rewritten).toBe(0);
  });

  it("cannot read the secrets with the new key alone before the rotation ran", async () => {
    expect(await h.provisioning.run(SHOP_A)).toBe("provisioned");
    const account = (await h.database.db.chatwootAccount.findUnique({ where: { shop: SHOP_A } }))!;
    expect(() => decryptSecret(account.serviceTokenCipher!, [{ id: "k2", key: randomBytes(32) }])).toThrow(
      /encryption key "t1" is not configured/,
    );
  });
});
