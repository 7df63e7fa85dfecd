import { requireAdministrator } from "./auth";
import { destroyContact } from "./cascade";
import { CONTACT_CONVERSATIONS_LIMIT, CONTACTS_PER_PAGE } from "./constants";
import { insertContact, isResolved, updateContact } from "./contact-writes";
import type { SimCore } from "./core";
import { appNotFound } from "./errors";
import { headOk, json } from "./http";
import { canSeeInbox } from "./inboxes";
import { idParam, type Params, textParam } from "./params";
import { removeWhere } from "./state";
import { accountRoute, type AccountCtx, type Route } from "./router";
import { uuid } from "./tokens";
import type { ContactInboxRecord, ContactRecord, InboxRecord } from "./types";
import { contactJson } from "./views-contact";
import { inboxRow } from "./views-inbox";
import { conversationJson } from "./views-conversation";

const BASE = "/api/v1/accounts/:account_id/contacts";

/** `params[:page] || 1`: Chatwoot echoes the raw query string, so `current_page` is "2" or 1. */
export function pageOf(params: Params): { page: number; currentPage: string | number } {
  const raw = textParam(params, "page");
  const page = Math.max(1, idParam(raw ?? "1") ?? 1);
  return { page, currentPage: raw ?? 1 };
}

export function findContact(ctx: AccountCtx, rawId: string | undefined): ContactRecord {
  const id = idParam(rawId);
  const contact = ctx.core.state.contacts.find((c) => c.id === id && c.accountId === ctx.account.id);
  if (!contact) throw appNotFound();
  return contact;
}

/** ContactInboxBuilder: reuses the link for (contact, inbox, source_id), else makes one. */
export function linkContactInbox(core: SimCore, contact: ContactRecord, inbox: InboxRecord, sourceId?: string) {
  const existing = core.state.contactInboxes.find(
    (ci) =>
      ci.contactId === contact.id && ci.inboxId === inbox.id && (sourceId === undefined || ci.sourceId === sourceId),
  );
  if (existing) return existing;
  const link: ContactInboxRecord = {
    id: core.state.nextId("contactInboxes"),
    contactId: contact.id,
    inboxId: inbox.id,
    sourceId: sourceId ?? uuid(),
    hmacVerified: false,
    createdAt: core.now(),
  };
  core.state.contactInboxes.push(link);
  return link;
}

function withInboxes(ctx: AccountCtx): boolean {
  return textParam(ctx.params, "include_contact_inboxes") !== "false";
}

export const contactRoutes: Route[] = [
  accountRoute("GET", BASE, (ctx) => {
    const { page, currentPage } = pageOf(ctx.params);
    const all = ctx.core.state.contacts.filter((c) => c.accountId === ctx.account.id && isResolved(c));
    const slice = all.slice((page - 1) * CONTACTS_PER_PAGE, page * CONTACTS_PER_PAGE);
    const payload = slice.map((c) => contactJson(ctx.core, c, withInboxes(ctx)));
    return json(200, { meta: { count: all.length, current_page: currentPage }, payload });
  }),
  accountRoute("POST", BASE, (ctx) => {
    const contact = insertContact(ctx.core, ctx.account.id, ctx.params);
    let inbox: InboxRecord | undefined;
    const rawInboxId = ctx.params.inbox_id;
    if (rawInboxId !== undefined && rawInboxId !== null && rawInboxId !== "") {
      inbox = ctx.core.state.inboxes.find((i) => i.id === idParam(rawInboxId) && i.accountId === ctx.account.id);
      if (!inbox) {
        // One transaction in Chatwoot: the contact is rolled back with the 404.
        removeWhere(ctx.core.state.contacts, (c) => c.id === contact.id);
        throw appNotFound();
      }
    }
    const link = inbox
      ? linkContactInbox(ctx.core, contact, inbox, textParam(ctx.params, "source_id") ?? undefined)
      : undefined;
    const contactInbox = { inbox: inbox ? inboxRow(inbox) : null, source_id: link?.sourceId ?? null };
    return json(200, { payload: { contact: contactJson(ctx.core, contact), contact_inbox: contactInbox } });
  }),
  accountRoute("GET", `${BASE}/:id`, (ctx) => {
    return json(200, { payload: contactJson(ctx.core, findContact(ctx, ctx.pathParams.id), withInboxes(ctx)) });
  }),
  ...["PATCH", "PUT"].map((method) =>
    accountRoute(method, `${BASE}/:id`, (ctx) => {
      const contact = findContact(ctx, ctx.pathParams.id);
      updateContact(ctx.core, contact, ctx.params);
      return json(200, { payload: contactJson(ctx.core, contact) });
    }),
  ),
  accountRoute("DELETE", `${BASE}/:id`, (ctx) => {
    const contact = findContact(ctx, ctx.pathParams.id);
    requireAdministrator(ctx);
    destroyContact(ctx.core.state, contact.id);
    return headOk();
  }),
  accountRoute("POST", `${BASE}/:id/destroy_custom_attributes`, (ctx) => {
    const contact = findContact(ctx, ctx.pathParams.id);
    const keys = ctx.params.custom_attributes;
    const drop = new Set(Array.isArray(keys) ? keys.map(String) : []);
    contact.customAttributes = Object.fromEntries(
      Object.entries(contact.customAttributes).filter(([k]) => !drop.has(k)),
    );
    return json(200, { payload: contactJson(ctx.core, contact) });
  }),
  accountRoute("GET", `${BASE}/:id/conversations`, (ctx) => {
    const contact = findContact(ctx, ctx.pathParams.id);
    const conversations = ctx.core.state.conversations.filter((c) => {
      const inbox = ctx.core.state.inboxes.find((i) => i.id === c.inboxId);
      return c.contactId === contact.id && inbox !== undefined && canSeeInbox(ctx, inbox);
    });
    const newest = [...conversations].sort((a, b) => b.id - a.id).slice(0, CONTACT_CONVERSATIONS_LIMIT);
    return json(200, { payload: newest.map((c) => conversationJson(ctx.core, c)) });
  }),
];
