import { customerBody, orderBody } from "~/sandbox/shopify-webhook-bodies";
import { dbKind, dbSkipReason } from "../support/database";
import { SHOP_A } from "../support/provisioning-harness";
import { ann, t } from "../support/sync-fixtures";
import { startSyncHarness, type SyncHarness } from "../support/sync-harness";

// The contact side of the sync: Chatwoot's uniqueness of e-mail, phone and identifier, conflicts
// the merchant sees, and fields that must leave the contact.

describe.skipIf(dbSkipReason)(`keeping Chatwoot contacts unique and clean (${dbKind})`, () => {
  let h: SyncHarness;
  beforeEach(async () => {
    h = await startSyncHarness();
  });
  afterEach(async () => h.close());

  const contactOf = (identifier: string) => h.sim.state.contacts.find((c) => c.identifier === identifier);

  it("never merges into a contact that carries another customer's identifier", async () => {
    // GIVEN a contact in Chatwoot with Ann's e-mail but another identifier
    await h.send("customers/create", customerBody({ ...ann, id: "9999", firstName: "Other", phone: null }));
    await h.settled();
    // WHEN Ann's order arrives
    await h.send("orders/create", orderBody({ id: "12", number: 1012, customer: ann, createdAt: t(0) }));
    await h.settled();
    // THEN Ann gets her own contact without the e-mail, and the conflict is recorded
    expect(contactOf("9999")?.email).toBe("ann.lee@example.com");
    expect(contactOf("7001")).toMatchObject({ email: null, name: "Ann Lee" });
    const conflicts = await h.database.db.contactConflict.findMany();
    expect(conflicts.map((c) => [c.customerId, c.field])).toEqual([["7001", "email"]]);
  });

  it("gives a contested e-mail to the contact on a full resync once the clash is gone, and closes the conflict", async () => {
    // GIVEN Ann's contact was created without her e-mail, which another customer's contact held
    await h.send("customers/create", customerBody({ ...ann, id: "9999", firstName: "Other", phone: null }));
    await h.settled();
    await h.send("orders/create", orderBody({ id: "15", number: 1015, customer: ann, createdAt: t(0) }));
    await h.settled();
    expect(contactOf("7001")?.email).toBeNull();
    // WHEN an agent changes the other contact's e-mail in Chatwoot, and the merchant resyncs Ann
    const chatwoot = (await h.storeClient(SHOP_A))!;
    await chatwoot.updateContact(contactOf("9999")!.id, { email: "someone.else@example.com" });
    const outcome = await h.sync.syncContact({ shop: SHOP_A, customerId: "7001", full: true });
    // THEN Ann's contact has her e-mail, and the conflict is resolved
    expect(outcome).toBe("updated");
    expect(contactOf("7001")?.email).toBe("ann.lee@example.com");
    const conflict = await h.database.db.contactConflict.findFirst({ where: { customerId: "7001" } });
    expect(conflict?.resolvedAt).toBeInstanceOf(Date);
  });

  it("takes over the widget's contact for the customer even when a third contact holds the e-mail", async () => {
    // GIVEN the chat widget already made a contact with Ann's identifier, and another customer's
    // contact holds her e-mail
    const account = await h.database.db.chatwootAccount.findUnique({ where: { shop: SHOP_A } });
    const widgetContact = h.sim.seed.contact(account!.accountId!, { name: "Ann (chat)", identifier: "7001" });
    h.sim.seed.contact(account!.accountId!, { name: "Other", identifier: "8888", email: "ann.lee@example.com" });
    // WHEN Ann's order arrives
    await h.send("orders/create", orderBody({ id: "16", number: 1016, customer: ann, createdAt: t(0) }));
    await h.settled();
    // THEN the widget's contact is Ann's, without the contested e-mail, and nothing is left failing
    expect(contactOf("7001")).toMatchObject({ id: widgetContact.id, name: "Ann Lee", email: null });
    expect(contactOf("7001")?.customAttributes.last_order_number).toBe("#1016");
    const conflicts = await h.database.db.contactConflict.findMany();
    expect(conflicts.map((c) => [c.customerId, c.field])).toEqual([["7001", "email"]]);
    expect(await h.queue.stats()).toMatchObject({ dead: 0 });
  });

  it("clears a phone the customer removed in Shopify from the contact", async () => {
    // GIVEN Ann's contact with her phone
    await h.send("customers/update", customerBody(ann, { updatedAt: t(1) }));
    await h.settled();
    expect(contactOf("7001")?.phoneNumber).toBe("+31612345678");
    // WHEN she removes it
    await h.send("customers/update", customerBody({ ...ann, phone: null }, { updatedAt: t(2) }));
    await h.settled();
    // THEN Chatwoot no longer shows it, and her e-mail and name stay
    expect(contactOf("7001")?.phoneNumber || null).toBeNull();
    expect(contactOf("7001")).toMatchObject({ email: "ann.lee@example.com", name: "Ann Lee" });
  });

  it("clears on Resync now a phone the customer removed, and writes back a name an agent changed", async () => {
    // GIVEN Ann's contact with her phone, then an agent renames the contact in Chatwoot
    await h.send("customers/update", customerBody(ann, { updatedAt: t(1) }));
    await h.settled();
    const contact = contactOf("7001")!;
    const client = await h.storeClient(SHOP_A);
    await client!.updateContact(contact.id, { name: "Ann (VIP)" });
    // AND her phone is gone from the store's projection, its own contact sync never having run
    await h.database.db.customer.update({
      where: { shop_customerId: { shop: SHOP_A, customerId: "7001" } },
      data: { phone: null },
    });
    // WHEN the merchant resyncs her
    expect(await h.sync.syncContact({ shop: SHOP_A, customerId: "7001", full: true })).toBe("updated");
    // THEN
    expect(contactOf("7001")?.phoneNumber || null).toBeNull();
    expect(contactOf("7001")).toMatchObject({ name: "Ann Lee", email: "ann.lee@example.com" });
  });

  it("attaches to an existing contact without an identifier instead of duplicating it", async () => {
    // GIVEN an agent created a contact by hand with Ann's e-mail
    const account = await h.database.db.chatwootAccount.findUnique({ where: { shop: SHOP_A } });
    h.sim.seed.contact(account!.accountId!, { name: "Ann (from chat)", email: "ann.lee@example.com" });
    // WHEN
    await h.send("orders/create", orderBody({ id: "13", number: 1013, customer: ann, createdAt: t(0) }));
    await h.settled();
    // THEN
    const anns = h.sim.state.contacts.filter((c) => c.email === "ann.lee@example.com");
    expect(anns).toHaveLength(1);
    expect(anns[0]?.identifier).toBe("7001");
  });
});
