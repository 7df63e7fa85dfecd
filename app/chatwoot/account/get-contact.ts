import { contactEnvelopeSchema } from "../schemas";
import type { AccountDeps, CallOptions, Contact } from "../types";

/** One contact by Chatwoot id; 404 `{"error":"Resource could not be found"}` when gone. */
export function getContactFactory({ transport, accountId }: AccountDeps) {
  return async function getContact(contactId: number, options: CallOptions = {}): Promise<Contact> {
    const { payload } = await transport.request({
      method: "GET",
      path: `/api/v1/accounts/${accountId}/contacts/${contactId}`,
      schema: contactEnvelopeSchema,
      signal: options.signal,
    });
    return payload;
  };
}
