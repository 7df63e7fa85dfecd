import { DEFAULT_PRE_CHAT_FIELDS, REPLY_TIMES, SENDER_NAME_TYPES, WIDGET_FEATURE_FLAGS } from "./constants";
import { railsFailure } from "./errors";
import { boolParam, hashParam, idParam, isObject, type Params, textParam } from "./params";
import type { InboxRecord, WebWidgetChannel } from "./types";
import { FieldErrors, tooLong } from "./validation";

const MESSAGE_MAX = 10_000;
/** Inbox name rule for web widgets: start and end on a word character, none of / \ < > @. */
const NAME_FORMAT = /^\b[^/\\<>@]*\b$/m;
const NAME_MESSAGE = "should not start or end with symbols, and it should not have < > / \\ @ characters.";

/** Copies the permitted inbox-level params onto `inbox` (a draft; validated separately). */
export function assignInboxFields(inbox: InboxRecord, params: Params): void {
  const text = (key: string) => textParam(params, key);
  const bool = (key: string) => boolParam(params, key) ?? undefined;
  if (text("name") !== undefined) inbox.name = text("name") ?? "";
  inbox.greetingEnabled = bool("greeting_enabled") ?? inbox.greetingEnabled;
  if (text("greeting_message") !== undefined) inbox.greetingMessage = text("greeting_message") ?? null;
  inbox.enableEmailCollect = bool("enable_email_collect") ?? inbox.enableEmailCollect;
  inbox.csatSurveyEnabled = bool("csat_survey_enabled") ?? inbox.csatSurveyEnabled;
  inbox.csatConfig = hashParam(params, "csat_config") ?? inbox.csatConfig;
  inbox.enableAutoAssignment = bool("enable_auto_assignment") ?? inbox.enableAutoAssignment;
  inbox.autoAssignmentConfig = hashParam(params, "auto_assignment_config") ?? inbox.autoAssignmentConfig;
  inbox.workingHoursEnabled = bool("working_hours_enabled") ?? inbox.workingHoursEnabled;
  if (text("out_of_office_message") !== undefined) inbox.outOfOfficeMessage = text("out_of_office_message") ?? null;
  inbox.timezone = text("timezone") ?? inbox.timezone;
  inbox.allowMessagesAfterResolved = bool("allow_messages_after_resolved") ?? inbox.allowMessagesAfterResolved;
  inbox.lockToSingleConversation = bool("lock_to_single_conversation") ?? inbox.lockToSingleConversation;
  if (params.portal_id !== undefined) inbox.portalId = idParam(params.portal_id) ?? null;
  if (text("business_name") !== undefined) inbox.businessName = text("business_name") ?? null;
  const senderNameType = text("sender_name_type");
  if (senderNameType !== undefined) {
    if (!(SENDER_NAME_TYPES as readonly (string | null)[]).includes(senderNameType)) throw railsFailure(500);
    inbox.senderNameType = senderNameType as InboxRecord["senderNameType"];
  }
}

/** Copies Channel::WebWidget::EDITABLE_ATTRS from the `channel` param onto `channel`. */
export function assignChannelFields(channel: WebWidgetChannel, params: Params): void {
  const text = (key: string) => textParam(params, key);
  const bool = (key: string) => boolParam(params, key) ?? undefined;
  if (text("website_url") !== undefined) channel.websiteUrl = text("website_url") ?? "";
  if (text("widget_color") !== undefined) channel.widgetColor = text("widget_color") ?? "";
  if (text("welcome_title") !== undefined) channel.welcomeTitle = text("welcome_title") ?? null;
  if (text("welcome_tagline") !== undefined) channel.welcomeTagline = text("welcome_tagline") ?? null;
  const replyTime = text("reply_time");
  if (replyTime !== undefined) {
    if (!(REPLY_TIMES as readonly (string | null)[]).includes(replyTime)) throw railsFailure(500);
    channel.replyTime = replyTime as WebWidgetChannel["replyTime"];
  }
  channel.preChatFormEnabled = bool("pre_chat_form_enabled") ?? channel.preChatFormEnabled;
  const preChat = hashParam(params, "pre_chat_form_options");
  if (preChat) channel.preChatFormOptions = withDefaultPreChatFields(preChat);
  channel.continuityViaEmail = bool("continuity_via_email") ?? channel.continuityViaEmail;
  channel.hmacMandatory = bool("hmac_mandatory") ?? channel.hmacMandatory;
  if (text("allowed_domains") !== undefined) channel.allowedDomains = text("allowed_domains") ?? "";
  const flags = params.selected_feature_flags;
  if (Array.isArray(flags)) channel.selectedFeatureFlags = WIDGET_FEATURE_FLAGS.filter((f) => flags.includes(f));
}

/** The model fills the three standard fields in when none are given. */
export function withDefaultPreChatFields(options: Params): Params {
  const fields = options.pre_chat_fields;
  if (Array.isArray(fields) && fields.length > 0) return options;
  return {
    pre_chat_message: "Share your queries or comments here.",
    ...options,
    pre_chat_fields: DEFAULT_PRE_CHAT_FIELDS,
  };
}

export function validateChannel(channel: WebWidgetChannel): FieldErrors {
  const errors = new FieldErrors();
  if (channel.websiteUrl.trim() === "") errors.add("website_url", "can't be blank");
  if (channel.widgetColor.trim() === "") errors.add("widget_color", "can't be blank");
  return errors;
}

export function validateInbox(inbox: InboxRecord): FieldErrors {
  const errors = new FieldErrors();
  if (inbox.name.trim() === "") errors.add("name", "can't be blank");
  else if (!NAME_FORMAT.test(inbox.name)) errors.add("name", NAME_MESSAGE);
  if (!isTimezone(inbox.timezone)) errors.add("timezone", "is not included in the list");
  tooLong(errors, "out_of_office_message", inbox.outOfOfficeMessage, MESSAGE_MAX);
  tooLong(errors, "greeting_message", inbox.greetingMessage, MESSAGE_MAX);
  return errors;
}

function isTimezone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function channelParams(params: Params): Params | undefined {
  return isObject(params.channel) ? params.channel : undefined;
}
