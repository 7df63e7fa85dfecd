import type { Customer } from "@prisma/client";
import type { ContactAttributes } from "./derive-attributes";
import { toE164 } from "./phone";

/** What the store's Chatwoot contact should hold for a customer; also what ContactLink remembers. */
export interface ContactState {
  name?: string;
  email?: string;
  phone_number?: string;
  custom_attributes: Partial<ContactAttributes>;
}

export function desiredContact(
  customer: Pick<Customer, "email" | "phone" | "firstName" | "lastName">,
  attributes: ContactAttributes,
): ContactState {
  const name = [customer.firstName, customer.lastName].filter(Boolean).join(" ").trim();
  return {
    ...(name ? { name } : {}),
    ...(customer.email ? { email: customer.email.toLowerCase() } : {}),
    ...(toE164(customer.phone) ? { phone_number: toE164(customer.phone) } : {}),
    custom_attributes: attributes,
  };
}

/**
 * The PATCH that brings `synced` to `desired`: changed top-level fields, and only the custom
 * attributes whose value changed (Chatwoot merges custom_attributes at the top level). An e-mail or
 * phone the customer no longer has is cleared (Chatwoot stores a blank one as empty); a name is
 * never blanked. Undefined when nothing changed, so a no-op event costs no Chatwoot request.
 */
export function contactPatch(synced: ContactState, desired: ContactState) {
  const patch: Record<string, unknown> = {};
  for (const field of ["name", "email", "phone_number"] as const) {
    if (desired[field] !== undefined && desired[field] !== synced[field]) patch[field] = desired[field];
  }
  for (const field of ["email", "phone_number"] as const) {
    if (desired[field] === undefined && synced[field] !== undefined) patch[field] = "";
  }
  const attributes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(desired.custom_attributes)) {
    if (JSON.stringify(value) !== JSON.stringify(synced.custom_attributes[key as keyof ContactAttributes])) {
      attributes[key] = value;
    }
  }
  if (Object.keys(attributes).length) patch.custom_attributes = attributes;
  return Object.keys(patch).length ? patch : undefined;
}

/**
 * The merchant's "Resync now": every field and attribute the contact should hold, sent whatever was
 * synced before (an agent may have edited the contact in Chatwoot), and a clear for each e-mail or
 * phone the app had set that the customer no longer has.
 */
export function fullContactPatch(synced: ContactState, desired: ContactState) {
  return { ...contactPatch(synced, desired), ...contactPatch({ custom_attributes: {} }, desired) };
}

export function parseContactState(json: string): ContactState {
  try {
    const value = JSON.parse(json) as Partial<ContactState>;
    return { ...value, custom_attributes: value.custom_attributes ?? {} };
  } catch {
    return { custom_attributes: {} };
  }
}
