import type { Customer } from "@prisma/client";
import type { Db } from "~/db.server";
import { getContactLinkByContactId } from "~/models/contact-link.server";
import { findCustomerByEmail, getCustomer } from "~/models/customer.server";
import type { LookUpContact } from "./look-up-contact.server";

export type Resolution =
  | { kind: "customer"; customer: Customer; matchedBy: "link" | "identifier"; syncedAt: Date | null }
  | { kind: "suggestion"; customer: Customer }
  | { kind: "unknown" };

const live = (customer: Customer | null) => (customer && !customer.deletedAt ? customer : null);

/**
 * Which Shopify customer a Chatwoot contact is, always within the token's store: the contact id comes
 * from the browser and is never looked up anywhere else.
 *
 * 1. The store's ContactLink (written by the sync when it created or attached the contact).
 * 2. Otherwise the contact as the store's Chatwoot account holds it: its identifier is the Shopify
 *    customer id when the sync or the storefront widget set it.
 * 3. A customer with the contact's e-mail address is only a suggestion: anyone can type an e-mail
 *    address into the chat, so it never unlocks the orders.
 */
export function resolveCustomerFactory(deps: { db: Db; lookUpContact: LookUpContact }) {
  const { db } = deps;
  return async function resolveCustomer({ shop, contactId }: { shop: string; contactId: number }): Promise<Resolution> {
    const link = await getContactLinkByContactId(db, { shop, contactId });
    const linked = link && live(await getCustomer(db, { shop, customerId: link.customerId }));
    if (link && linked) return { kind: "customer", customer: linked, matchedBy: "link", syncedAt: link.syncedAt };

    const clues = await deps.lookUpContact(shop, contactId);
    if (!clues) return { kind: "unknown" };
    if (clues.identifier && /^\d+$/.test(clues.identifier)) {
      const customer = live(await getCustomer(db, { shop, customerId: clues.identifier }));
      if (customer) return { kind: "customer", customer, matchedBy: "identifier", syncedAt: null };
    }
    if (clues.email) {
      const customer = await findCustomerByEmail(db, { shop, email: clues.email });
      if (customer) return { kind: "suggestion", customer };
    }
    return { kind: "unknown" };
  };
}

export type ResolveCustomer = ReturnType<typeof resolveCustomerFactory>;
