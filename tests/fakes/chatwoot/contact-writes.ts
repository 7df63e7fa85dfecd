import type { SimCore } from "./core";
import { railsFailure } from "./errors";
import { boolParam, hashParam, type Params, textParam } from "./params";
import type { ContactRecord } from "./types";
import { E164_SUFFIX, EMAIL_FORMAT, FieldErrors } from "./validation";

/** Reads the permitted contact columns; an absent key stays undefined (left unchanged on update). */
function readColumns(params: Params): Partial<ContactRecord> {
  const out: Partial<ContactRecord> = {};
  const name = textParam(params, "name");
  if (name !== undefined) out.name = name ?? "";
  const email = textParam(params, "email");
  // before_validation: blank becomes nil (the unique index must not see ''), the rest is downcased.
  if (email !== undefined) out.email = email && email.trim() !== "" ? email.toLowerCase() : null;
  const phone = textParam(params, "phone_number");
  if (phone !== undefined) out.phoneNumber = phone;
  const identifier = textParam(params, "identifier");
  if (identifier !== undefined) out.identifier = identifier;
  const blocked = boolParam(params, "blocked");
  if (blocked !== undefined) out.blocked = blocked ?? false;
  return out;
}

/** Contact validations in declaration order: email, identifier, phone_number. */
export function validateContact(core: SimCore, draft: ContactRecord): FieldErrors {
  const errors = new FieldErrors();
  const others = core.state.contacts.filter((c) => c.accountId === draft.accountId && c.id !== draft.id);
  const { email, identifier, phoneNumber } = draft;
  if (email) {
    if (others.some((c) => c.email?.toLowerCase() === email.toLowerCase()))
      errors.add("email", "has already been taken");
    if (!EMAIL_FORMAT.test(email)) errors.add("email", "Invalid email");
  }
  if (identifier && identifier.trim() !== "" && others.some((c) => c.identifier === identifier)) {
    errors.add("identifier", "has already been taken");
  }
  if (phoneNumber && phoneNumber.trim() !== "") {
    if (others.some((c) => c.phoneNumber === phoneNumber)) errors.add("phone_number", "has already been taken");
    if (!E164_SUFFIX.test(phoneNumber)) errors.add("phone_number", "should be in e164 format");
  }
  return errors;
}

/** Validation skips blank identifiers, but the (identifier, account_id) unique index does not. */
function checkUniqueIndex(core: SimCore, draft: ContactRecord): void {
  const clash = core.state.contacts.some(
    (c) =>
      c.accountId === draft.accountId &&
      c.id !== draft.id &&
      c.identifier !== null &&
      c.identifier === draft.identifier,
  );
  if (clash) throw railsFailure(500);
}

function save(core: SimCore, draft: ContactRecord): void {
  validateContact(core, draft).throwIfAny();
  checkUniqueIndex(core, draft);
}

export function insertContact(core: SimCore, accountId: number, params: Params): ContactRecord {
  const draft: ContactRecord = {
    id: 0,
    accountId,
    name: "",
    email: null,
    phoneNumber: null,
    identifier: null,
    blocked: false,
    additionalAttributes: hashParam(params, "additional_attributes") ?? {},
    customAttributes: hashParam(params, "custom_attributes") ?? {},
    lastActivityAt: null,
    createdAt: core.now(),
    ...readColumns(params),
  };
  save(core, draft);
  draft.id = core.state.nextId("contacts");
  core.state.contacts.push(draft);
  return draft;
}

/**
 * PATCH/PUT: columns replace; `custom_attributes` and `additional_attributes` are merged at the
 * top level only (`existing.merge(new)`): nested objects are replaced, null stays null.
 */
export function updateContact(core: SimCore, contact: ContactRecord, params: Params): void {
  const draft: ContactRecord = { ...contact, ...readColumns(params) };
  const custom = hashParam(params, "custom_attributes");
  if (custom) draft.customAttributes = { ...contact.customAttributes, ...custom };
  const additional = hashParam(params, "additional_attributes");
  if (additional) draft.additionalAttributes = { ...contact.additionalAttributes, ...additional };
  save(core, draft);
  Object.assign(contact, draft);
}

/** "Resolved" contacts (index and filter only list these): email, phone or identifier present. */
export function isResolved(contact: ContactRecord): boolean {
  return Boolean(contact.email || contact.phoneNumber || contact.identifier);
}
