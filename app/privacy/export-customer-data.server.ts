import type { ChatwootAccountClient } from "~/chatwoot";
import type { Db } from "~/db.server";
import type { Logger } from "~/lib/logger.server";
import {
  addAuditRecord,
  finishComplianceRequest,
  saveDataExport,
  waitForStoreToReturn,
} from "~/models/compliance.server";
import { getContactLink } from "~/models/contact-link.server";
import { getCustomer } from "~/models/customer.server";
import { listCustomerOrders } from "~/models/order.server";
import { getShop } from "~/models/shop.server";
import { readConversationMessages } from "./read-conversation-messages.server";
import { subjectHash } from "./subject-hash";

/** Chatwoot lists a contact's newest 20 conversations, without paging. */
const CHATWOOT_CONTACT_CONVERSATIONS_LIMIT = 20;

/**
 * customers/data_request: everything the app holds about one customer of one store, as a JSON
 * document the merchant downloads from the admin (Shopify relays nothing back): the local projection,
 * and the customer's Chatwoot contact with its conversations and messages, read with the store's
 * own service token. For an uninstalled store (its account suspended, and its merchant without the
 * admin to download from) the request waits and is built when the store installs again.
 */
export function exportCustomerDataFactory(deps: {
  db: Db;
  logger: Logger;
  storeClient(shop: string): Promise<ChatwootAccountClient | undefined>;
}) {
  return async function exportCustomerData({
    shop,
    webhookId,
    customerId,
  }: {
    shop: string;
    webhookId: string;
    customerId: string;
  }) {
    if ((await getShop(deps.db, { shop }))?.uninstalledAt) {
      const detail = JSON.stringify({ waitingFor: "the store to install the app again" });
      await waitForStoreToReturn(deps.db, { webhookId }, { detail, resumeWith: { customerId } });
      return;
    }
    const customer = await getCustomer(deps.db, { shop, customerId });
    const orders = await listCustomerOrders(deps.db, { shop, customerId }, { includeDeleted: false });
    const client = await deps.storeClient(shop);
    const chatwoot = client
      ? await chatwootData(client, customerId, (await getContactLink(deps.db, { shop, customerId }))?.contactId)
      : null;
    const document = {
      shop,
      customerId,
      generatedAt: new Date().toISOString(),
      shopifyProjection: { customer, orders },
      chatwoot: chatwoot ?? {
        note: "The store's Chatwoot account was not reachable (not provisioned or uninstalled).",
      },
    };
    await saveDataExport(deps.db, { shop, requestId: webhookId, content: JSON.stringify(document, null, 2) });
    const detail = JSON.stringify({ orders: orders.length, contacts: chatwoot?.contacts.length ?? 0 });
    await addAuditRecord(deps.db, {
      shop,
      action: "customers/data_request",
      subjectHash: subjectHash(shop, customerId),
      detail,
    });
    await finishComplianceRequest(deps.db, { webhookId }, { status: "done", detail });
    deps.logger.info("customer data exported", { shop });
  };
}

async function chatwootData(client: ChatwootAccountClient, customerId: string, linkedContactId: number | undefined) {
  const ids = new Set<number>(linkedContactId ? [linkedContactId] : []);
  const found = await client.filterContacts([
    { attribute_key: "identifier", filter_operator: "equal_to", values: [customerId] },
  ]);
  found.payload.filter((c) => c.identifier === customerId).forEach((c) => ids.add(c.id));
  const contacts = [];
  for (const id of ids) {
    const contact = await client.getContact(id).catch(() => undefined);
    if (!contact) continue;
    const listed = await client.listContactConversations(id);
    const conversations = [];
    for (const conversation of listed) {
      conversations.push({ ...conversation, messages: await readConversationMessages(client, conversation.id) });
    }
    contacts.push({
      contact,
      conversations,
      // Chatwoot lists a contact's newest 20 conversations and no more.
      ...(listed.length >= CHATWOOT_CONTACT_CONVERSATIONS_LIMIT
        ? {
            note:
              `Chatwoot lists a contact's newest ${CHATWOOT_CONTACT_CONVERSATIONS_LIMIT} conversations only; ` +
              "older ones may exist: export them from Chatwoot's contact page.",
          }
        : {}),
    });
  }
  return { contacts };
}
