import { CONTACTS_PER_PAGE } from "./constants";
import { pageOf } from "./contacts";
import { filterContacts } from "./contacts-filter";
import { MESSAGES, unprocessable } from "./errors";
import { json } from "./http";
import { textParam } from "./params";
import { accountRoute, type Route } from "./router";
import type { ContactRecord } from "./types";
import { contactJson } from "./views-contact";

const BASE = "/api/v1/accounts/:account_id/contacts";

/**
 * Search is a substring match: `name/email/phone_number ILIKE %q%` and `identifier LIKE %q%`
 * (case-sensitive), so q="123" also finds identifier "91234". Exact lookups belong to filter.
 */
function searchMatches(contact: ContactRecord, q: string): boolean {
  const needle = q.toLowerCase();
  const ilike = [contact.name, contact.email, contact.phoneNumber].some((v) => v?.toLowerCase().includes(needle));
  return ilike || (contact.identifier?.includes(q) ?? false);
}

/** Registered before `contacts/:id` so "search" and "filter" are not read as ids. */
export const contactQueryRoutes: Route[] = [
  accountRoute("GET", `${BASE}/search`, (ctx) => {
    const q = textParam(ctx.params, "q")?.trim();
    if (!q) throw unprocessable(MESSAGES.searchWithoutQuery);
    const { page, currentPage } = pageOf(ctx.params);
    const all = ctx.core.state.contacts.filter((c) => c.accountId === ctx.account.id && searchMatches(c, q));
    const slice = all.slice((page - 1) * CONTACTS_PER_PAGE, page * CONTACTS_PER_PAGE);
    // Search reports the page's count plus has_more, never the total.
    const meta = { count: slice.length, current_page: currentPage, has_more: all.length > page * CONTACTS_PER_PAGE };
    return json(200, { meta, payload: slice.map((c) => contactJson(ctx.core, c)) });
  }),
  accountRoute("POST", `${BASE}/filter`, (ctx) => {
    const { page, currentPage } = pageOf(ctx.params);
    const all = filterContacts(ctx.core, ctx.account, ctx.params.payload);
    const slice = all.slice((page - 1) * CONTACTS_PER_PAGE, page * CONTACTS_PER_PAGE);
    return json(200, {
      meta: { count: all.length, current_page: currentPage },
      payload: slice.map((c) => contactJson(ctx.core, c)),
    });
  }),
];
