import { createdContactEnvelopeSchema } from "../schemas";
import type { AccountDeps, CallOptions, Contact, ContactInput } from "../types";

/**
 * Creates a contact, keyed by `identifier` (the Shopify customer id) so the widget's
 * verified `setUser` merges visitor sessions into it.
 *
 * A taken email, phone number or identifier is a 422 `{"message","attributes"}`; use
 * `isDuplicateError(err)` to learn which and look the contact up instead. Two parallel
 * creates can slip past that check and hit the database index as a 500, so sync writes
 * for one store must be serialised.
 */
export function createContactFactory({ transport, accountId }: AccountDeps) {
  return async function createContact(input: ContactInput, options: CallOptions = {}): Promise<Contact> {
    const { payload } = await transport.request({
      method: "POST",
      path: `/api/v1/accounts/${accountId}/contacts`,
      body: input,
      schema: createdContactEnvelopeSchema,
      // Not idempotent: without an identifier a replay creates a twin contact.
      idempotent: false,
      signal: options.signal,
    });
    // Unlike the other contact endpoints, POST nests the contact next to its contact_inbox.
    return payload.contact;
  };
}
