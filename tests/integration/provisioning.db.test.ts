import { CONTACT_ATTRIBUTE_DEFINITIONS } from "~/provisioning/attribute-definitions";
import { decryptSecret } from "~/lib/crypto.server";
import { getChatwootAccount } from "~/models/chatwoot-account.server";
import { authenticateOrderViewFactory } from "~/order-view/authenticate.server";
import { dbKind, dbSkipReason } from "../support/database";
import { expectExactlyOneProvisionedStore } from "../support/chatwoot-inventory";
import { SHOP_A, SHOP_B, startProvisioningHarness, type ProvisioningHarness } from "../support/provisioning-harness";

const ATTRIBUTE_KEYS = CONTACT_ATTRIBUTE_DEFINITIONS.map((d) => d.key);

describe.skipIf(dbSkipReason)(`provisioning a store (${dbKind})`, () => {
  let h: ProvisioningHarness;
  beforeEach(async () => {
    h = await startProvisioningHarness();
    await h.shopify.install(SHOP_A);
  });
  afterEach(async () => h.close());

  it("creates exactly one account, two users, two administrators, one inbox, the attributes and one dashboard app", async () => {
    // WHEN
    const outcome = await h.provisioning.run(SHOP_A);
    // THEN

    expect(outcome).toBe("provisioned");
    expectExactlyOneProvisionedStore(h.sim, ATTRIBUTE_KEYS);
    const view = await h.provisioning.view(SHOP_A);
    expect(view.status).toBe("provisioned");
    expect(view.steps.every((s) => s.status === "done")).toBe(true);
  });

  it("names the account after the store and gives the inbox the store's domain, colour and mandatory identity", async () => {
    // WHEN
    await h.provisioning.run(SHOP_A);
    // THEN
    const [account] = h.sim.state.accounts;
    expect(account).toMatchObject({ name: "Alpha Store", locale: "en", supportEmail: "support@alpha-store.example" });
    const [inbox] = h.sim.state.inboxes;
    expect(inbox?.channel).toMatchObject({
      websiteUrl: "https://alpha-store.example",
      widgetColor: "#0b6e4f",
      hmacMandatory: true,
    });
    const merchant = h.sim.state.users.find((u) => u.email === "owner@alpha-store.example");
    expect(merchant).toBeDefined();
    const [app] = h.sim.state.dashboardApps;
    expect(app?.content[0]?.url).toMatch(/^https:\/\/my-test-app\.myshopify\.io\/order-view\?token=/);
  });

  it("stores the service token and the inbox secret encrypted, and hands the theme extension its settings", async () => {
    // WHEN
    await h.provisioning.run(SHOP_A);
    // THEN
    const row = await getChatwootAccount(h.database.db, { shop: SHOP_A });
    const serviceUser = h.sim.state.users.find((u) => u.id === row?.serviceUserId);
    const inbox = h.sim.state.inboxes[0];
    expect(row?.serviceTokenCipher).not.toContain(serviceUser!.accessToken);
    expect(decryptSecret(row!.serviceTokenCipher!, h.deps.keys)).toBe(serviceUser!.accessToken);
    expect(row?.hmacTokenCipher).not.toContain(inbox!.channel.hmacToken);
    expect(decryptSecret(row!.hmacTokenCipher!, h.deps.keys)).toBe(inbox!.channel.hmacToken);
    const settings = Object.fromEntries(h.fakeAdmin.metafields.map((m) => [`${m.namespace}.${m.key}`, m.value]));
    expect(settings).toMatchObject({
      "chatwoot.base_url": h.sim.url,
      "chatwoot.website_token": inbox!.channel.websiteToken,
      "chatwoot.enabled": "true",
    });
  });

  it("ends with the same set when it runs again", async () => {
    // GIVEN
    await h.provisioning.run(SHOP_A);
    // WHEN
    const again = await h.provisioning.run(SHOP_A);
    // THEN
    expect(again).toBe("provisioned");
    expectExactlyOneProvisionedStore(h.sim, ATTRIBUTE_KEYS);
  });

  it("runs once when two instances provision the same store at the same time", async () => {
    // WHEN
    const outcomes = await Promise.all([h.provisioning.run(SHOP_A), h.secondInstance().run(SHOP_A)]);
    // THEN
    expect(outcomes.sort()).toEqual(["busy", "provisioned"]);
    expectExactlyOneProvisionedStore(h.sim, ATTRIBUTE_KEYS);
  });

  it("reuses the store's account on reinstall and reactivates it when it was suspended", async () => {
    // GIVEN a provisioned store whose account was suspended (what uninstall does)
    await h.provisioning.run(SHOP_A);
    const accountId = h.sim.state.accounts[0]!.id;
    await h.deps.platform.updateAccount(accountId, { status: "suspended" });
    // WHEN the store installs again
    const { done } = await h.provisioning.startFromInstall({ shop: SHOP_A });
    // THEN
    expect(await done).toBe("provisioned");
    expect(h.sim.state.accounts.map((a) => [a.id, a.status])).toEqual([[accountId, "active"]]);
    expectExactlyOneProvisionedStore(h.sim, ATTRIBUTE_KEYS);
  });

  it("gives a second store its own account, which the first store's token cannot read", async () => {
    // GIVEN
    await h.shopify.install(SHOP_B);
    // WHEN
    expect(await h.provisioning.run(SHOP_A)).toBe("provisioned");
    expect(await h.provisioning.run(SHOP_B)).toBe("provisioned");
    // THEN
    const a = await getChatwootAccount(h.database.db, { shop: SHOP_A });
    const b = await getChatwootAccount(h.database.db, { shop: SHOP_B });
    expect(a?.accountId).not.toBe(b?.accountId);
    expect(h.sim.state.accounts).toHaveLength(2);
    expect(h.sim.state.accounts.find((x) => x.id === b?.accountId)?.locale).toBe("nl");
    const tokenB = decryptSecret(b!.serviceTokenCipher!, h.deps.keys);
    const response = await fetch(`${h.sim.url}/api/v1/accounts/${a!.accountId}/inboxes`, {
      headers: { api_access_token: tokenB },
    });
    expect(response.status).toBe(401);
    expect(h.sim.state.attributeDefinitions.filter((d) => d.accountId === b?.accountId)).toHaveLength(
      ATTRIBUTE_KEYS.length,
    );
  });

  it("gives a store's new Chatwoot account a token version that no URL made for its earlier account carries", async () => {
    // GIVEN a provisioned store and the order view URL its agents have
    expect(await h.provisioning.run(SHOP_A)).toBe("provisioned");
    const urlOf = (accountId: number) =>
      new URL(h.sim.state.dashboardApps.find((a) => a.accountId === accountId)!.content[0]!.url);
    const first = await getChatwootAccount(h.database.db, { shop: SHOP_A });
    const oldToken = urlOf(first!.accountId!).searchParams.get("token");
    // WHEN everything about the store is deleted (shop/redact) and it installs again
    await h.database.db.chatwootAccount.delete({ where: { shop: SHOP_A } });
    await h.database.db.provisioning.delete({ where: { shop: SHOP_A } });
    expect(await h.provisioning.run(SHOP_A)).toBe("provisioned");
    // THEN the new account's URL works, and the old one is refused
    const second = await getChatwootAccount(h.database.db, { shop: SHOP_A });
    expect(second!.orderViewTokenVersion).not.toBe(first!.orderViewTokenVersion);
    const authenticate = authenticateOrderViewFactory({
      db: h.database.db,
      secret: h.deps.config.signingSecret,
    });
    const newToken = urlOf(second!.accountId!).searchParams.get("token");
    await expect(authenticate(newToken)).resolves.toMatchObject({ shop: SHOP_A, accountId: second!.accountId });
    await expect(authenticate(oldToken)).rejects.toThrow();
  });

  it("replaces the Order history link on the merchant's request, so the old URL stops working", async () => {
    // GIVEN a provisioned store and the order view URL its agents have had
    const urlOfPanel = () => new URL(h.sim.state.dashboardApps[0]!.content[0]!.url);
    expect(await h.provisioning.replaceOrderViewLink(SHOP_A)).toBe("not_ready");
    expect(await h.provisioning.run(SHOP_A)).toBe("provisioned");
    const oldToken = urlOfPanel().searchParams.get("token");
    // WHEN
    expect(await h.provisioning.replaceOrderViewLink(SHOP_A)).toBe("replaced");
    // THEN the panel in Chatwoot has a new URL that works, and the old one is refused
    const newToken = urlOfPanel().searchParams.get("token");
    expect(h.sim.state.dashboardApps).toHaveLength(1);
    expect(newToken).not.toBe(oldToken);
    const authenticate = authenticateOrderViewFactory({ db: h.database.db, secret: h.deps.config.signingSecret });
    await expect(authenticate(newToken)).resolves.toMatchObject({ shop: SHOP_A });
    await expect(authenticate(oldToken)).rejects.toThrow();
  });

  it("refuses a service user address someone else already holds, and gives that user no role", async () => {
    // GIVEN a Chatwoot user, made outside the app, with the address of the store's service user
    const squatter = h.sim.seed.user({ email: "shopify-alpha-store@apps.example.test" });
    // WHEN
    expect(await h.provisioning.run(SHOP_A)).toBe("failed");
    // THEN
    const view = await h.provisioning.view(SHOP_A);
    expect(view.steps.find((s) => s.name === "service_user")).toMatchObject({
      status: "failed",
      reason: expect.stringMatching(/shopify-alpha-store@apps\.example\.test/),
    });
    expect(h.sim.state.accountUsers.filter((au) => au.userId === squatter.id)).toEqual([]);
    expect((await getChatwootAccount(h.database.db, { shop: SHOP_A }))?.serviceTokenCipher ?? null).toBeNull();
  });

  it("keeps the service user it recorded before users carried the store's name", async () => {
    // GIVEN a store provisioned when the service user was created without the store's name
    expect(await h.provisioning.run(SHOP_A)).toBe("provisioned");
    const row = await getChatwootAccount(h.database.db, { shop: SHOP_A });
    const serviceUser = h.sim.state.users.find((u) => u.id === row!.serviceUserId)!;
    delete (serviceUser.customAttributes as Record<string, unknown>).shopify_store;
    // WHEN it provisions again
    expect(await h.provisioning.run(SHOP_A)).toBe("provisioned");
    // THEN it still uses that user
    expect((await getChatwootAccount(h.database.db, { shop: SHOP_A }))?.serviceUserId).toBe(serviceUser.id);
  });

  describe("the merchant's way into Chatwoot", () => {
    const ownerOf = (shop: string) => h.fakeAdmin.shops.get(shop)!;
    const accountUsersOf = (accountId: number) =>
      h.sim.state.accountUsers.filter((au) => au.accountId === accountId).map((au) => au.userId);

    it("signs in with one click as the Chatwoot user the app created for the store owner", async () => {
      // WHEN
      expect(await h.provisioning.run(SHOP_A)).toBe("provisioned");
      // THEN
      const account = await getChatwootAccount(h.database.db, { shop: SHOP_A });
      const merchant = h.sim.state.users.find((u) => u.email === ownerOf(SHOP_A).email);
      expect(account?.merchantUserId).toBe(merchant?.id);
      expect(await h.provisioning.openChatwoot(SHOP_A)).toMatch(/\/app\/login\?email=.*&sso_auth_token=/);
    });

    it("makes one owner of two stores one Chatwoot user of both, signed in with one click from the first store only", async () => {
      // GIVEN a second store with the same store e-mail (which any store could claim)
      await h.shopify.install(SHOP_B);
      ownerOf(SHOP_B).email = ownerOf(SHOP_A).email;
      // WHEN
      expect(await h.provisioning.run(SHOP_A)).toBe("provisioned");
      expect(await h.provisioning.run(SHOP_B)).toBe("provisioned");
      // THEN the user administers both accounts
      const a = await getChatwootAccount(h.database.db, { shop: SHOP_A });
      const b = await getChatwootAccount(h.database.db, { shop: SHOP_B });
      expect(accountUsersOf(b!.accountId!)).toContain(a!.merchantUserId);
      // AND only the store whose install created the user signs in as it, even after provisioning again
      expect(b?.merchantUserId).toBeNull();
      expect(await h.provisioning.openChatwoot(SHOP_B)).toBe(`${h.sim.url}/app/login`);
      expect(await h.provisioning.run(SHOP_A)).toBe("provisioned");
      expect(await h.provisioning.openChatwoot(SHOP_A)).toMatch(/sso_auth_token=/);
    });

    it("makes an owner who already had a Chatwoot user an administrator, but never signs anyone in as that user", async () => {
      // GIVEN the owner's e-mail belongs to a user of an account this app did not make (the operator, say)
      const other = h.sim.seed.account({ name: "Operator's own account" });
      const existing = h.sim.seed.user({ email: ownerOf(SHOP_A).email });
      h.sim.seed.accountUser(other.id, existing.id);
      // WHEN
      expect(await h.provisioning.run(SHOP_A)).toBe("provisioned");
      // THEN
      const account = await getChatwootAccount(h.database.db, { shop: SHOP_A });
      expect(account?.merchantUserId).toBeNull();
      expect(accountUsersOf(account!.accountId!)).toContain(existing.id);
      expect(await h.provisioning.openChatwoot(SHOP_A)).toBe(`${h.sim.url}/app/login`);
    });

    it("never signs in with one click as a user of no account that another store's install created", async () => {
      // GIVEN the owner of store B has a Chatwoot user from B's install, and B's account is gone
      await h.shopify.install(SHOP_B);
      expect(await h.provisioning.run(SHOP_B)).toBe("provisioned");
      const b = await getChatwootAccount(h.database.db, { shop: SHOP_B });
      for (const userId of accountUsersOf(b!.accountId!)) {
        await h.deps.platform.removeAccountUser(b!.accountId!, userId);
      }
      // AND store A names that owner's e-mail as its own
      ownerOf(SHOP_A).email = ownerOf(SHOP_B).email;
      // WHEN
      expect(await h.provisioning.run(SHOP_A)).toBe("provisioned");
      // THEN
      const a = await getChatwootAccount(h.database.db, { shop: SHOP_A });
      expect(a?.merchantUserId).toBeNull();
      expect(await h.provisioning.openChatwoot(SHOP_A)).toBe(`${h.sim.url}/app/login`);
    });

    it("never signs in with one click as a user of no account that the operator made", async () => {
      // GIVEN
      const existing = h.sim.seed.user({ email: ownerOf(SHOP_A).email });
      // WHEN
      expect(await h.provisioning.run(SHOP_A)).toBe("provisioned");
      // THEN
      const account = await getChatwootAccount(h.database.db, { shop: SHOP_A });
      expect(account?.merchantUserId).toBeNull();
      expect(accountUsersOf(account!.accountId!)).toContain(existing.id);
      expect(await h.provisioning.openChatwoot(SHOP_A)).toBe(`${h.sim.url}/app/login`);
    });

    it("refuses a store e-mail in the domain of the app's own service users, and adds nobody", async () => {
      // GIVEN another store's service user's address as this store's e-mail
      ownerOf(SHOP_A).email = "shopify-beta-store@apps.example.test";
      const users = h.sim.state.users.length;
      // WHEN
      expect(await h.provisioning.run(SHOP_A)).toBe("failed");
      // THEN
      const view = await h.provisioning.view(SHOP_A);
      expect(view.steps.find((s) => s.name === "merchant")).toMatchObject({
        status: "failed",
        reason: expect.stringMatching(/apps\.example\.test/),
      });
      expect(h.sim.state.users).toHaveLength(users + 1); // the store's own service user only
      expect((await getChatwootAccount(h.database.db, { shop: SHOP_A }))?.merchantUserId ?? null).toBeNull();
    });
  });
});
