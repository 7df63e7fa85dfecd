import { contactPageSchema } from "../schemas";
import type { AccountDeps, CallOptions, ContactPage } from "../types";

/**
 * Free-text search over name, email, phone and identifier, 15 per page with
 * `meta.has_more`. It matches substrings (q=`123` finds identifier `91234`) and is rate
 * limited to 100 calls a minute per account: for exact lookups use filterContacts.
 */
export function searchContactsFactory({ transport, accountId }: AccountDeps) {
  return async function searchContacts(q: string, page?: number, options: CallOptions = {}): Promise<ContactPage> {
    return transport.request({
      method: "GET",
      path: `/api/v1/accounts/${accountId}/contacts/search`,
      // The query may hold an email; the transport keeps it out of logs and error messages.
      query: { q, page },
      schema: contactPageSchema,
      signal: options.signal,
    });
  };
}
