import { contactPageSchema } from "../schemas";
import type { AccountDeps, CallOptions, ContactFilterCondition, ContactPage } from "../types";

/**
 * Exact lookup by identifier and/or email, 15 per page, `meta.count` being the total.
 * Chatwoot joins each condition to the next with its `query_operator` and requires the last
 * one to be null, so the operator of the last condition is dropped here.
 */
export function filterContactsFactory({ transport, accountId }: AccountDeps) {
  return async function filterContacts(
    conditions: ContactFilterCondition[],
    page?: number,
    options: CallOptions = {},
  ): Promise<ContactPage> {
    const payload = conditions.map((condition, index) => ({
      ...condition,
      query_operator: index === conditions.length - 1 ? null : (condition.query_operator ?? "OR"),
    }));
    return transport.request({
      method: "POST",
      path: `/api/v1/accounts/${accountId}/contacts/filter`,
      query: { page },
      body: { payload },
      schema: contactPageSchema,
      // A read that happens to be a POST: replaying it is harmless.
      idempotent: true,
      signal: options.signal,
    });
  };
}
