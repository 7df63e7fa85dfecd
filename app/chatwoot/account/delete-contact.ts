import { emptyResponseSchema } from "../schemas";
import type { AccountDeps, CallOptions } from "../types";

/**
 * Deletes a contact, e.g. for a Shopify customers/redact request. Administrators only.
 * Chatwoot refuses with a 422 while the contact is online in the widget; that is not
 * `transient`, so the caller decides whether to try again later.
 */
export function deleteContactFactory({ transport, accountId }: AccountDeps) {
  return async function deleteContact(contactId: number, options: CallOptions = {}): Promise<void> {
    await transport.request({
      method: "DELETE",
      path: `/api/v1/accounts/${accountId}/contacts/${contactId}`,
      schema: emptyResponseSchema,
      signal: options.signal,
    });
  };
}
