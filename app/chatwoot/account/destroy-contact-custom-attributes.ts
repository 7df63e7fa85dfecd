import { contactEnvelopeSchema } from "../schemas";
import type { AccountDeps, CallOptions, Contact } from "../types";

/**
 * Removes custom attribute keys from a contact, the only way to do so: PATCHing a key to
 * null keeps the key with a null value.
 */
export function destroyContactCustomAttributesFactory({ transport, accountId }: AccountDeps) {
  return async function destroyContactCustomAttributes(
    contactId: number,
    keys: string[],
    options: CallOptions = {},
  ): Promise<Contact> {
    const { payload } = await transport.request({
      method: "POST",
      path: `/api/v1/accounts/${accountId}/contacts/${contactId}/destroy_custom_attributes`,
      body: { custom_attributes: keys },
      schema: contactEnvelopeSchema,
      // Removing keys that are already gone changes nothing, so a replay is safe.
      idempotent: true,
      signal: options.signal,
    });
    return payload;
  };
}
