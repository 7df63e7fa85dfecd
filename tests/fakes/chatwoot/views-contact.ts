import type { SimCore } from "./core";
import { iso, unix } from "./format";
import type { AttributeDefinitionRecord, ContactRecord, DashboardAppRecord } from "./types";
import { inboxSlim } from "./views-inbox";

/** The contact's inbox links: `[{source_id, inbox: {...}}]`. */
function contactInboxes(core: SimCore, contact: ContactRecord) {
  return core.state.contactInboxes
    .filter((ci) => ci.contactId === contact.id)
    .flatMap((ci) => {
      const inbox = core.state.inboxes.find((i) => i.id === ci.inboxId);
      return inbox ? [{ source_id: ci.sourceId, inbox: inboxSlim(inbox) }] : [];
    });
}

/** api/v1/models/_contact.json.jbuilder; times in unix seconds. */
export function contactJson(core: SimCore, contact: ContactRecord, withContactInboxes = true) {
  return {
    additional_attributes: contact.additionalAttributes,
    availability_status: "offline",
    email: contact.email,
    id: contact.id,
    name: contact.name,
    phone_number: contact.phoneNumber,
    blocked: contact.blocked,
    identifier: contact.identifier,
    thumbnail: "",
    custom_attributes: contact.customAttributes,
    last_activity_at: unix(contact.lastActivityAt),
    created_at: unix(contact.createdAt),
    ...(withContactInboxes ? { contact_inboxes: contactInboxes(core, contact) } : {}),
  };
}

/** Contact#push_event_data: the `sender` of conversations and messages. */
export function contactPush(contact: ContactRecord) {
  return {
    additional_attributes: contact.additionalAttributes,
    custom_attributes: contact.customAttributes,
    email: contact.email,
    id: contact.id,
    identifier: contact.identifier,
    name: contact.name,
    phone_number: contact.phoneNumber,
    thumbnail: "",
    blocked: contact.blocked,
    type: "contact",
  };
}

/** api/v1/models/_custom_attribute_definition.json.jbuilder; enums as their names. */
export function definitionJson(d: AttributeDefinitionRecord) {
  return {
    id: d.id,
    attribute_display_name: d.attributeDisplayName,
    attribute_display_type: d.attributeDisplayType,
    attribute_description: d.attributeDescription,
    attribute_key: d.attributeKey,
    regex_pattern: d.regexPattern,
    regex_cue: d.regexCue,
    attribute_values: d.attributeValues,
    attribute_model: d.attributeModel,
    default_value: d.defaultValue,
    created_at: iso(d.createdAt),
    updated_at: iso(d.updatedAt),
  };
}

export function dashboardAppJson(app: DashboardAppRecord) {
  return { id: app.id, title: app.title, content: app.content, created_at: iso(app.createdAt) };
}
