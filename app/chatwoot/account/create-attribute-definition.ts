import { attributeDefinitionSchema } from "../schemas";
import type { AccountDeps, AttributeDefinition, CallOptions, CreateAttributeDefinitionInput } from "../types";

/**
 * Defines a custom attribute so agents see it in the sidebar and filters accept it.
 * `attribute_model` is required by the input type because Chatwoot's default is
 * `conversation_attribute`: a contact field created without it is silently filed under
 * conversations. An existing key for the same model is a 422.
 */
export function createAttributeDefinitionFactory({ transport, accountId }: AccountDeps) {
  return async function createAttributeDefinition(
    input: CreateAttributeDefinitionInput,
    options: CallOptions = {},
  ): Promise<AttributeDefinition> {
    return transport.request({
      method: "POST",
      path: `/api/v1/accounts/${accountId}/custom_attribute_definitions`,
      body: input,
      schema: attributeDefinitionSchema,
      // Not replayed after an unknown outcome: the second POST would be a duplicate 422 and
      // hide the success. The caller lists definitions and reconciles instead.
      idempotent: false,
      signal: options.signal,
    });
  };
}
