import { attributeDefinitionListSchema } from "../schemas";
import type { AccountDeps, AttributeDefinition, AttributeModel, CallOptions } from "../types";

/**
 * Custom attribute definitions of the account, for one model or (omitted) both. Use it to
 * find which of our `shopify_*` keys already exist before creating the missing ones.
 */
export function listAttributeDefinitionsFactory({ transport, accountId }: AccountDeps) {
  return async function listAttributeDefinitions(
    model?: AttributeModel,
    options: CallOptions = {},
  ): Promise<AttributeDefinition[]> {
    return transport.request({
      method: "GET",
      path: `/api/v1/accounts/${accountId}/custom_attribute_definitions`,
      query: { attribute_model: model },
      schema: attributeDefinitionListSchema,
      signal: options.signal,
    });
  };
}
