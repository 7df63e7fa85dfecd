import { ChatwootHttpError, isDuplicateError, type ChatwootAccountClient } from "~/chatwoot";
import type { Db } from "~/db.server";
import { recordContactConflict } from "~/models/contact-link.server";
import type { ContactState } from "./desired-contact";

type Field = "email" | "phone_number";

/**
 * First sync of a customer: create the contact with the Shopify customer id as identifier. When
 * Chatwoot says the identifier, email or phone is taken, attach to that contact only if it has no
 * identifier or ours; a contact carrying another identifier is never merged: the conflict is
 * recorded for the merchant and the contact is created without the contested field.
 * Returns the contact id and what Chatwoot now holds.
 */
export async function attachOrCreateContact(
  { db, client, shop }: { db: Db; client: ChatwootAccountClient; shop: string },
  customerId: string,
  desired: ContactState,
): Promise<{ contactId: number; state: ContactState }> {
  let body: ContactState = { ...desired };
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      const contact = await client.createContact({ identifier: customerId, ...body });
      return { contactId: contact.id, state: body };
    } catch (error) {
      const taken = isDuplicateError(error);
      if (taken?.includes("identifier"))
        return attachTo({ db, client, shop }, await findBy(client, "identifier", customerId), customerId, body);
      const field = (taken ?? []).find((f): f is Field => f === "email" || f === "phone_number");
      if (field && body[field]) {
        const existing = await findBy(client, field, body[field]!);
        if (existing && (!existing.identifier || existing.identifier === customerId)) {
          return attachTo({ db, client, shop }, existing, customerId, body);
        }
        await recordContactConflict(db, {
          shop,
          customerId,
          contactId: existing?.id ?? null,
          field,
          detail: `Chatwoot contact ${existing?.id ?? "?"} already uses this ${field === "email" ? "e-mail address" : "phone number"} with another identifier`,
        });
        body = without(body, field);
        continue;
      }
      if (invalidPhone(error) && body.phone_number) {
        body = without(body, "phone_number");
        continue;
      }
      throw error;
    }
  }
  throw new Error(`could not create a Chatwoot contact for customer ${customerId}`);
}

/**
 * A PATCH that drops (and records) an e-mail or phone another contact already holds. Returns the
 * body Chatwoot accepted.
 */
export async function updateContactAvoidingConflicts(
  { db, client, shop }: { db: Db; client: ChatwootAccountClient; shop: string },
  customerId: string,
  contactId: number,
  patch: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  let body = { ...patch };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await client.updateContact(contactId, body);
      return body;
    } catch (error) {
      const field = (isDuplicateError(error) ?? []).find((f): f is Field => f === "email" || f === "phone_number");
      const culprit = field ?? (invalidPhone(error) ? "phone_number" : undefined);
      if (!culprit || body[culprit] === undefined) throw error;
      if (field) {
        await recordContactConflict(db, {
          shop,
          customerId,
          contactId: null,
          field,
          detail: `Another Chatwoot contact already uses this ${field === "email" ? "e-mail address" : "phone number"}`,
        });
      }
      delete body[culprit];
      body = { ...body };
    }
  }
  throw new Error(`could not update Chatwoot contact ${contactId}`);
}

async function findBy(client: ChatwootAccountClient, key: "identifier" | Field, value: string) {
  const page = await client.filterContacts([{ attribute_key: key, filter_operator: "equal_to", values: [value] }]);
  return page.payload[0];
}

/**
 * Takes over a contact for the customer. The PATCH can meet its own clash (the e-mail or phone held
 * by a third contact); that field is dropped and recorded like on any update.
 */
async function attachTo(
  deps: { db: Db; client: ChatwootAccountClient; shop: string },
  contact: { id: number } | undefined,
  customerId: string,
  body: ContactState,
) {
  if (!contact)
    throw new Error(`Chatwoot reported a duplicate for customer ${customerId} but the contact was not found`);
  const sent = await updateContactAvoidingConflicts(deps, customerId, contact.id, { identifier: customerId, ...body });
  let state = body;
  for (const field of ["email", "phone_number"] as const) if (sent[field] === undefined) state = without(state, field);
  return { contactId: contact.id, state };
}

function without(body: ContactState, field: Field): ContactState {
  const copy = { ...body };
  delete copy[field];
  return copy;
}

function invalidPhone(error: unknown) {
  return error instanceof ChatwootHttpError && error.status === 422 && /phone/i.test(JSON.stringify(error.body));
}
