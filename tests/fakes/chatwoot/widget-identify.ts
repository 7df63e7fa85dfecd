import { linkContactInbox } from "./contacts";
import type { SimCore } from "./core";
import { deepMerge } from "./format";
import { hashParam, type Params, textParam } from "./params";
import { removeWhere } from "./state";
import { signWidgetToken, verifyWidgetToken } from "./tokens";
import type { ContactInboxRecord, ContactRecord, InboxRecord } from "./types";
import { E164_SUFFIX, EMAIL_FORMAT } from "./validation";

const ADJECTIVES = [
  "autumn",
  "hidden",
  "bitter",
  "misty",
  "silent",
  "empty",
  "dry",
  "dark",
  "summer",
  "icy",
  "quiet",
  "white",
];
const NOUNS = [
  "waterfall",
  "river",
  "breeze",
  "moon",
  "rain",
  "wind",
  "sea",
  "morning",
  "snow",
  "lake",
  "sunset",
  "pine",
];

export interface WidgetSession {
  contact: ContactRecord;
  link: ContactInboxRecord;
  token: string;
}

/** Haikunator-style name Chatwoot gives an anonymous visitor ("silent-river-412"). */
function visitorName(): string {
  const pick = (list: string[]) => list[Math.floor(Math.random() * list.length)] ?? "";
  return `${pick(ADJECTIVES)}-${pick(NOUNS)}-${Math.floor(Math.random() * 1000)}`;
}

/** A new visitor: anonymous contact + contact_inbox + the `cw_conversation` JWT for it. */
export function openWidgetSession(core: SimCore, inbox: InboxRecord): WidgetSession {
  const contact: ContactRecord = {
    id: core.state.nextId("contacts"),
    accountId: inbox.accountId,
    name: visitorName(),
    email: null,
    phoneNumber: null,
    identifier: null,
    blocked: false,
    additionalAttributes: {},
    customAttributes: {},
    lastActivityAt: null,
    createdAt: core.now(),
  };
  core.state.contacts.push(contact);
  const link = linkContactInbox(core, contact, inbox);
  return { contact, link, token: signWidgetToken({ source_id: link.sourceId, inbox_id: inbox.id }, core.widgetSecret) };
}

/** The session behind an `X-Auth-Token` / `cw_conversation`, if it belongs to this inbox. */
export function resumeWidgetSession(
  core: SimCore,
  inbox: InboxRecord,
  token: string | undefined,
): WidgetSession | undefined {
  const payload = verifyWidgetToken(token, core.widgetSecret);
  if (!payload || payload.inbox_id !== inbox.id) return undefined;
  const link = core.state.contactInboxes.find((ci) => ci.inboxId === inbox.id && ci.sourceId === payload.source_id);
  const contact = link && core.state.contacts.find((c) => c.id === link.contactId);
  return link && contact && token ? { contact, link, token } : undefined;
}

/** ContactMergeAction: the mergee's links, conversations and messages move to base; base's values win. */
function mergeInto(core: SimCore, base: ContactRecord, mergee: ContactRecord): void {
  const { state } = core;
  for (const link of state.contactInboxes) if (link.contactId === mergee.id) link.contactId = base.id;
  for (const conversation of state.conversations)
    if (conversation.contactId === mergee.id) conversation.contactId = base.id;
  for (const message of state.messages) {
    if (message.senderType === "Contact" && message.senderId === mergee.id) message.senderId = base.id;
  }
  removeWhere(state.contacts, (c) => c.id === mergee.id);
  base.customAttributes = deepMerge(mergee.customAttributes, base.customAttributes);
  base.additionalAttributes = deepMerge(mergee.additionalAttributes, base.additionalAttributes);
  base.email ??= mergee.email;
  base.phoneNumber ??= mergee.phoneNumber;
  base.identifier ??= mergee.identifier;
}

/**
 * ContactIdentifyAction with `discard_invalid_attrs`: merge into an existing contact with the
 * same identifier (or email/phone, unless that contact is identified as someone else), then
 * update the survivor, silently dropping invalid or taken email/phone values. Custom and
 * additional attributes are deep-merged.
 */
export function identifyContact(core: SimCore, start: ContactRecord, params: Params): ContactRecord {
  const identifier = textParam(params, "identifier") || null;
  const email = textParam(params, "email")?.toLowerCase() || null;
  const phone = textParam(params, "phone_number") || null;
  let contact = start;
  // Each candidate is looked up afresh: an earlier merge may have removed one.
  const mergeWith = (match: (c: ContactRecord) => boolean, allowIdentified: boolean) => {
    const other = core.state.contacts.find((c) => c.accountId === start.accountId && c.id !== contact.id && match(c));
    if (!other) return;
    if (!allowIdentified && other.identifier && identifier && other.identifier !== identifier) return;
    mergeInto(core, other, contact);
    contact = other;
  };
  if (identifier) mergeWith((c) => c.identifier === identifier, true);
  if (email) mergeWith((c) => c.email === email, false);
  if (phone) mergeWith((c) => c.phoneNumber === phone, false);

  const others = core.state.contacts.filter((c) => c.accountId === contact.accountId && c.id !== contact.id);
  const name = textParam(params, "name");
  if (name) contact.name = name;
  if (identifier && !others.some((c) => c.identifier === identifier)) contact.identifier = identifier;
  if (email && EMAIL_FORMAT.test(email) && !others.some((c) => c.email === email)) contact.email = email;
  if (phone && E164_SUFFIX.test(phone) && !others.some((c) => c.phoneNumber === phone)) contact.phoneNumber = phone;
  const custom = hashParam(params, "custom_attributes");
  if (custom) contact.customAttributes = deepMerge(contact.customAttributes, custom);
  const additional = hashParam(params, "additional_attributes");
  if (additional) contact.additionalAttributes = deepMerge(contact.additionalAttributes, additional);
  return contact;
}
