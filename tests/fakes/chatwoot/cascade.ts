import { removeWhere, type SimState } from "./state";

/**
 * What destroying a record takes with it. Chatwoot spreads this over several jobs
 * (`dependent: :destroy_async`); the simulator does it in one step when the job runs.
 */
export function destroyContact(state: SimState, contactId: number): void {
  const conversations = removeWhere(state.conversations, (c) => c.contactId === contactId);
  const ids = new Set(conversations.map((c) => c.id));
  removeWhere(state.messages, (m) => ids.has(m.conversationId));
  removeWhere(state.contactInboxes, (ci) => ci.contactId === contactId);
  removeWhere(state.contacts, (c) => c.id === contactId);
}

export function destroyInbox(state: SimState, inboxId: number): void {
  const conversations = removeWhere(state.conversations, (c) => c.inboxId === inboxId);
  const ids = new Set(conversations.map((c) => c.id));
  removeWhere(state.messages, (m) => ids.has(m.conversationId));
  removeWhere(state.contactInboxes, (ci) => ci.inboxId === inboxId);
  removeWhere(state.inboxMembers, (m) => m.inboxId === inboxId);
  removeWhere(state.inboxes, (i) => i.id === inboxId);
}

/** Everything in the account goes; users stay, and so do platform permissible rows. */
export function destroyAccount(state: SimState, accountId: number): void {
  for (const contact of state.contacts.filter((c) => c.accountId === accountId)) destroyContact(state, contact.id);
  for (const inbox of state.inboxes.filter((i) => i.accountId === accountId)) destroyInbox(state, inbox.id);
  removeWhere(state.attributeDefinitions, (d) => d.accountId === accountId);
  removeWhere(state.dashboardApps, (d) => d.accountId === accountId);
  removeWhere(state.accountUsers, (au) => au.accountId === accountId);
  removeWhere(state.accounts, (a) => a.id === accountId);
}

/** The user, their memberships and login links; their access token dies with them. */
export function destroyUser(state: SimState, userId: number): void {
  removeWhere(state.accountUsers, (au) => au.userId === userId);
  removeWhere(state.inboxMembers, (m) => m.userId === userId);
  removeWhere(state.ssoTokens, (t) => t.userId === userId);
  removeWhere(state.users, (u) => u.id === userId);
}
