import { requireAdministrator } from "./auth";
import { destroyInbox } from "./cascade";
import { DEFAULT_WIDGET_COLOR } from "./constants";
import type { SimCore } from "./core";
import { appNotFound, MESSAGES, paymentRequired, railsFailure, unauthorized } from "./errors";
import { HttpFailure, json } from "./http";
import {
  assignChannelFields,
  assignInboxFields,
  channelParams,
  validateChannel,
  validateInbox,
  withDefaultPreChatFields,
} from "./inbox-attributes";
import { idParam, type Params, textParam } from "./params";
import { accountRoute, type AccountCtx, type Route } from "./router";
import { secureToken } from "./tokens";
import type { AccountRecord, InboxRecord, WebWidgetChannel } from "./types";
import { inboxJson } from "./views-inbox";

const BASE = "/api/v1/accounts/:account_id/inboxes";
const OTHER_CHANNEL_TYPES = ["api", "email", "line", "telegram", "whatsapp", "sms", "voice"];

/** Creates a web widget inbox: the channel is saved (and validated) first, then the inbox. */
export function insertInbox(core: SimCore, account: AccountRecord, params: Params): InboxRecord {
  const channelInput = channelParams(params);
  const type = channelInput ? textParam(channelInput, "type") : undefined;
  if (!channelInput) throw railsFailure(500); // `params[:channel][:type]` on nil
  if (type && OTHER_CHANNEL_TYPES.includes(type)) {
    throw new HttpFailure(json(501, { error: `The simulator only implements web_widget inboxes, not "${type}"` }));
  }
  if (type !== "web_widget") throw railsFailure(500); // no channel class: `nil.create!`
  const channel: WebWidgetChannel = {
    id: 0,
    websiteUrl: "",
    widgetColor: DEFAULT_WIDGET_COLOR,
    welcomeTitle: null,
    welcomeTagline: null,
    replyTime: "in_a_few_minutes",
    preChatFormEnabled: false,
    preChatFormOptions: withDefaultPreChatFields({}),
    continuityViaEmail: true,
    hmacMandatory: false,
    allowedDomains: "",
    selectedFeatureFlags: ["attachments", "emoji_picker", "end_conversation"],
    websiteToken: secureToken(),
    hmacToken: secureToken(),
  };
  assignChannelFields(channel, channelInput);
  validateChannel(channel).throwIfAny();
  const inbox: InboxRecord = {
    id: 0,
    accountId: account.id,
    name: "",
    greetingEnabled: false,
    greetingMessage: null,
    enableEmailCollect: true,
    csatSurveyEnabled: false,
    csatConfig: {},
    enableAutoAssignment: true,
    autoAssignmentConfig: {},
    workingHoursEnabled: false,
    outOfOfficeMessage: null,
    timezone: "UTC",
    allowMessagesAfterResolved: true,
    lockToSingleConversation: false,
    portalId: null,
    senderNameType: "friendly",
    businessName: null,
    channel,
    createdAt: core.now(),
  };
  assignInboxFields(inbox, params);
  validateInbox(inbox).throwIfAny();
  channel.id = core.state.nextId("channelWebWidgets");
  inbox.id = core.state.nextId("inboxes");
  core.state.inboxes.push(inbox);
  return inbox;
}

/** Administrators see every inbox of the account; agents only those they are members of. */
export function canSeeInbox(ctx: AccountCtx, inbox: InboxRecord): boolean {
  if (ctx.accountUser.role === "administrator") return true;
  return ctx.core.state.inboxMembers.some((m) => m.inboxId === inbox.id && m.userId === ctx.user.id);
}

function findInbox(ctx: AccountCtx): InboxRecord {
  const id = idParam(ctx.pathParams.id);
  const inbox = ctx.core.state.inboxes.find((i) => i.id === id && i.accountId === ctx.account.id);
  if (!inbox) throw appNotFound();
  return inbox;
}

/** `usage_limits[:inboxes]`: a numeric `limits.inboxes` on the account, else unlimited. */
function ensureInboxLimit(ctx: AccountCtx): void {
  const limit = ctx.account.limits.inboxes;
  if (typeof limit !== "number") return;
  const count = ctx.core.state.inboxes.filter((i) => i.accountId === ctx.account.id).length;
  if (count >= limit) throw paymentRequired();
}

const isAdmin = (ctx: AccountCtx) => ctx.accountUser.role === "administrator";

export const inboxRoutes: Route[] = [
  accountRoute("GET", BASE, (ctx) => {
    const inboxes = ctx.core.state.inboxes.filter((i) => i.accountId === ctx.account.id && canSeeInbox(ctx, i));
    return json(200, { payload: inboxes.map((i) => inboxJson(ctx.core, i, isAdmin(ctx))) });
  }),
  accountRoute("GET", `${BASE}/:id`, (ctx) => {
    const inbox = findInbox(ctx);
    if (!canSeeInbox(ctx, inbox)) throw unauthorized(MESSAGES.forbiddenAction);
    return json(200, inboxJson(ctx.core, inbox, isAdmin(ctx)));
  }),
  accountRoute("POST", BASE, (ctx) => {
    requireAdministrator(ctx);
    ensureInboxLimit(ctx);
    return json(200, inboxJson(ctx.core, insertInbox(ctx.core, ctx.account, ctx.params), true));
  }),
  ...["PATCH", "PUT"].map((method) =>
    accountRoute(method, `${BASE}/:id`, (ctx) => {
      const inbox = findInbox(ctx);
      requireAdministrator(ctx);
      const draft: InboxRecord = { ...inbox, channel: { ...inbox.channel } };
      assignInboxFields(draft, ctx.params);
      const channelInput = channelParams(ctx.params);
      if (channelInput) assignChannelFields(draft.channel, channelInput);
      validateChannel(draft.channel).throwIfAny();
      validateInbox(draft).throwIfAny();
      Object.assign(inbox, draft);
      return json(200, inboxJson(ctx.core, inbox, true));
    }),
  ),
  accountRoute("DELETE", `${BASE}/:id`, (ctx) => {
    const inbox = findInbox(ctx);
    requireAdministrator(ctx);
    ctx.core.jobs.schedule(`delete inbox ${inbox.id}`, () => destroyInbox(ctx.core.state, inbox.id));
    return json(200, { message: "Your inbox deletion request will be processed in some time." });
  }),
];
