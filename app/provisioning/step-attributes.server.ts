import { CONTACT_ATTRIBUTE_DEFINITIONS } from "./attribute-definitions";
import type { StepDefinition } from "./types";

/**
 * Contact attribute definitions. Chatwoot defaults a definition to conversation_attribute, so
 * attribute_model is always sent. Existing keys are left alone, which makes the step repeatable.
 */
export const attributesStep: StepDefinition = {
  name: "attributes",
  label: "Define the customer fields agents see",
  async run({ storeClient }) {
    const client = await storeClient();
    const existing = new Set(
      (await client.listAttributeDefinitions("contact_attribute"))
        .filter((d) => d.attribute_model === "contact_attribute")
        .map((d) => d.attribute_key),
    );
    for (const definition of CONTACT_ATTRIBUTE_DEFINITIONS) {
      if (existing.has(definition.key)) continue;
      await client.createAttributeDefinition({
        attribute_key: definition.key,
        attribute_display_name: definition.name,
        attribute_display_type: definition.type,
        attribute_model: "contact_attribute",
        attribute_description: definition.description,
        ...("values" in definition ? { attribute_values: [...definition.values] } : {}),
      });
    }
  },
};
