import { contactEnvelopeSchema } from "../schemas";
import type { AccountDeps, CallOptions, Contact, UpdateContactInput } from "../types";

/**
 * Updates a contact. `custom_attributes` and `additional_attributes` are merged at the top
 * level: keys not sent are kept, a nested object is replaced whole, and `null` stores a null
 * rather than removing the key (use destroyContactCustomAttributes for that). A phone number
 * that is not E.164 or already used fails the whole write with a 422.
 *
 * Every write echoes back to us as a `contact_updated` webhook; don't write back on it.
 */
export function updateContactFactory({ transport, accountId }: AccountDeps) {
  return async function updateContact(
    contactId: number,
    patch: UpdateContactInput,
    options: CallOptions = {},
  ): Promise<Contact> {
    const { payload } = await transport.request({
      method: "PATCH",
      path: `/api/v1/accounts/${accountId}/contacts/${contactId}`,
      body: patch,
      schema: contactEnvelopeSchema,
      // We only ever send absolute values, and a top-level merge of the same values twice
      // ends in the same state, so this PATCH may be replayed.
      idempotent: true,
      signal: options.signal,
    });
    return payload;
  };
}
