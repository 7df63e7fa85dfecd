import type { ChatwootAccountClient } from "~/chatwoot";
import type { Db } from "~/db.server";
import type { Logger } from "~/lib/logger.server";
import {
  addAuditRecord,
  deleteCustomerRows,
  finishComplianceRequest,
  waitForStoreToReturn,
} from "~/models/compliance.server";
import { getContactLink } from "~/models/contact-link.server";
import { getShop } from "~/models/shop.server";
import { subjectHash } from "./subject-hash";

export interface RedactCustomerInput {
  shop: string;
  webhookId: string;
  customerId: string;
  email: string | null;
}

/**
 * customers/redact: deletes the customer's contact(s) in that store's Chatwoot account (found by
 * the stored link and by identifier; by e-mail only when nothing carries the identifier), then every
 * local row about the customer, then leaves an audit record without personal data. Safe to run
 * again: each part only deletes what is still there. Only the store's own token is used.
 *
 * An uninstalled store's account is suspended (the Application API refuses it): the local rows go
 * at once, and the request waits. If the store installs again, the job runs again then and deletes
 * the contact; if it does not, shop/redact deletes the whole account.
 */
export function redactCustomerFactory(deps: {
  db: Db;
  logger: Logger;
  storeClient(shop: string): Promise<ChatwootAccountClient | undefined>;
}) {
  return async function redactCustomer({ shop, webhookId, customerId, email }: RedactCustomerInput) {
    const store = await getShop(deps.db, { shop });
    const client = store?.uninstalledAt ? undefined : await deps.storeClient(shop);
    let contactsDeleted = 0;
    if (client) {
      const ids = new Set<number>();
      const link = await getContactLink(deps.db, { shop, customerId });
      if (link) ids.add(link.contactId);
      const byIdentifier = await client.filterContacts([
        { attribute_key: "identifier", filter_operator: "equal_to", values: [customerId] },
      ]);
      byIdentifier.payload.filter((c) => c.identifier === customerId).forEach((c) => ids.add(c.id));
      if (ids.size === 0 && email) {
        const byEmail = await client.filterContacts([
          { attribute_key: "email", filter_operator: "equal_to", values: [email.toLowerCase()] },
        ]);
        byEmail.payload.filter((c) => !c.identifier).forEach((c) => ids.add(c.id));
      }
      for (const id of ids) {
        await client.deleteContact(id).catch((error: unknown) => {
          // Already gone (an agent or an earlier attempt deleted it) is the outcome we want.
          if ((error as { status?: number }).status !== 404) throw error;
        });
        contactsDeleted += 1;
      }
    }
    const rows = await deleteCustomerRows(deps.db, { shop, customerId });
    const detail = JSON.stringify({ chatwootContacts: contactsDeleted, chatwootReachable: Boolean(client), ...rows });
    await addAuditRecord(deps.db, {
      shop,
      action: "customers/redact",
      subjectHash: subjectHash(shop, customerId),
      detail,
    });
    if (store?.uninstalledAt) {
      await waitForStoreToReturn(deps.db, { webhookId }, { detail, resumeWith: { customerId, email } });
    } else {
      await finishComplianceRequest(deps.db, { webhookId }, { status: "done", detail });
    }
    deps.logger.info("customer redacted", { shop, contactsDeleted, orders: rows.orders });
  };
}
