import { CHATWOOT_VERSION, MESSAGES_AFTER_LIMIT, MESSAGES_BETWEEN_LIMIT, MESSAGES_PER_PAGE } from "./constants";
import { appNotFound, MESSAGES, unauthorized } from "./errors";
import { json } from "./http";
import { canSeeInbox } from "./inboxes";
import { idParam } from "./params";
import { accountRoute, publicRoute, type AccountCtx, type Route, userRoute } from "./router";
import type { ConversationRecord, MessageRecord } from "./types";
import { contactPush } from "./views-contact";
import { conversationJson, conversationMessages, messageJson } from "./views-conversation";
import { userJson } from "./views-platform";

const BASE = "/api/v1/accounts/:account_id/conversations";

/** Conversations are addressed by their per-account display id, not the database id. */
function findConversation(ctx: AccountCtx): ConversationRecord {
  const displayId = idParam(ctx.pathParams.id);
  const conversation = ctx.core.state.conversations.find(
    (c) => c.accountId === ctx.account.id && c.displayId === displayId,
  );
  if (!conversation) throw appNotFound();
  const inbox = ctx.core.state.inboxes.find((i) => i.id === conversation.inboxId);
  if (!inbox || !canSeeInbox(ctx, inbox)) throw unauthorized(MESSAGES.forbiddenAction);
  return conversation;
}

/**
 * MessageFinder: the newest 20 in ascending order; `before=<id>` pages backwards (20 older ones),
 * `after=<id>` pages forwards (up to 100), both together give the ids in [after, before) (up to
 * 1000). Every page is filtered by id but ordered by created_at, as Chatwoot does, so a message
 * created with an earlier time than its id suggests (an import) sorts by its time.
 */
function pageMessages(all: MessageRecord[], before: number | undefined, after: number | undefined): MessageRecord[] {
  if (after !== undefined && before !== undefined) {
    return all.filter((m) => m.id >= after && m.id < before).slice(0, MESSAGES_BETWEEN_LIMIT);
  }
  if (after !== undefined) return all.filter((m) => m.id > after).slice(0, MESSAGES_AFTER_LIMIT);
  const older = before === undefined ? all : all.filter((m) => m.id < before);
  return older.slice(-MESSAGES_PER_PAGE);
}

export const conversationRoutes: Route[] = [
  accountRoute("GET", `${BASE}/:id`, (ctx) => json(200, conversationJson(ctx.core, findConversation(ctx)))),
  accountRoute("GET", `${BASE}/:id/messages`, (ctx) => {
    const conversation = findConversation(ctx);
    const contact = ctx.core.state.contacts.find((c) => c.id === conversation.contactId);
    const page = pageMessages(
      conversationMessages(ctx.core, conversation),
      ctx.params.before === undefined ? undefined : idParam(ctx.params.before),
      ctx.params.after === undefined ? undefined : idParam(ctx.params.after),
    );
    const meta = {
      labels: conversation.labels,
      additional_attributes: conversation.additionalAttributes,
      contact: contact ? contactPush(contact) : null,
      assignee: null,
      agent_last_seen_at: null,
      assignee_last_seen_at: null,
    };
    return json(200, { meta, payload: page.map((m) => messageJson(ctx.core, m)) });
  }),
];

export const profileRoutes: Route[] = [
  userRoute("GET", "/api/v1/profile", (ctx) => json(200, userJson(ctx.core, ctx.user))),
  // ApiController#index: what a health check or a version probe sees.
  publicRoute("GET", "/api", (ctx) =>
    json(200, {
      version: CHATWOOT_VERSION,
      timestamp: new Date(ctx.core.now())
        .toISOString()
        .replace("T", " ")
        .replace(/\.\d+Z$/, ""),
      queue_services: "ok",
      data_services: "ok",
    }),
  ),
];
