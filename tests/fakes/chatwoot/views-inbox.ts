import type { SimCore } from "./core";
import type { InboxRecord } from "./types";

/** Ready-to-paste loader, as Channel::WebWidget#web_widget_script builds it from FRONTEND_URL. */
export function webWidgetScript(baseUrl: string, websiteToken: string): string {
  return [
    "<script>",
    "  (function(d,t) {",
    `    var BASE_URL=${JSON.stringify(baseUrl)};`,
    "    var g=d.createElement(t),s=d.getElementsByTagName(t)[0];",
    '    g.src=BASE_URL+"/packs/js/sdk.js";',
    "    g.async = true;",
    "    s.parentNode.insertBefore(g,s);",
    "    g.onload=function(){",
    "      window.chatwootSDK.run({",
    `        websiteToken: ${JSON.stringify(websiteToken)},`,
    "        baseUrl: BASE_URL",
    "      })",
    "    }",
    '  })(document,"script");',
    "</script>",
  ].join("\n");
}

/** Default working hours of a new inbox: weekdays 9–17, weekend closed. */
function workingHours() {
  return [0, 1, 2, 3, 4, 5, 6].map((day) => {
    const closed = day === 0 || day === 6;
    return {
      day_of_week: day,
      closed_all_day: closed,
      open_hour: closed ? null : 9,
      open_minutes: closed ? null : 0,
      close_hour: closed ? null : 17,
      close_minutes: closed ? null : 0,
      open_all_day: false,
    };
  });
}

/** api/v1/models/_inbox.json.jbuilder for a web widget; `hmac_token` only for administrators. */
export function inboxJson(core: SimCore, inbox: InboxRecord, administrator: boolean) {
  const { channel } = inbox;
  return {
    id: inbox.id,
    avatar_url: "",
    channel_id: channel.id,
    name: inbox.name,
    channel_type: "Channel::WebWidget",
    greeting_enabled: inbox.greetingEnabled,
    greeting_message: inbox.greetingMessage,
    working_hours_enabled: inbox.workingHoursEnabled,
    enable_email_collect: inbox.enableEmailCollect,
    csat_survey_enabled: inbox.csatSurveyEnabled,
    csat_config: inbox.csatConfig,
    enable_auto_assignment: inbox.enableAutoAssignment,
    auto_assignment_config: inbox.autoAssignmentConfig,
    out_of_office_message: inbox.outOfOfficeMessage,
    working_hours: workingHours(),
    timezone: inbox.timezone,
    callback_webhook_url: null,
    allow_messages_after_resolved: inbox.allowMessagesAfterResolved,
    lock_to_single_conversation: inbox.lockToSingleConversation,
    sender_name_type: inbox.senderNameType,
    business_name: inbox.businessName,
    allowed_domains: channel.allowedDomains,
    widget_color: channel.widgetColor,
    website_url: channel.websiteUrl,
    hmac_mandatory: channel.hmacMandatory,
    welcome_title: channel.welcomeTitle,
    welcome_tagline: channel.welcomeTagline,
    web_widget_script: webWidgetScript(core.publicUrl, channel.websiteToken),
    website_token: channel.websiteToken,
    selected_feature_flags: channel.selectedFeatureFlags,
    reply_time: channel.replyTime,
    pre_chat_form_enabled: channel.preChatFormEnabled,
    pre_chat_form_options: channel.preChatFormOptions,
    continuity_via_email: channel.continuityViaEmail,
    ...(administrator ? { hmac_token: channel.hmacToken } : {}),
  };
}

/** The short inbox shape nested in contact_inboxes. */
export function inboxSlim(inbox: InboxRecord) {
  return {
    id: inbox.id,
    avatar_url: "",
    channel_id: inbox.channel.id,
    name: inbox.name,
    channel_type: "Channel::WebWidget",
    provider: null,
  };
}

/** The raw Inbox row, as `json.inbox @contact_inbox.inbox` dumps it in the contact-create answer. */
export function inboxRow(inbox: InboxRecord) {
  return {
    id: inbox.id,
    channel_id: inbox.channel.id,
    account_id: inbox.accountId,
    name: inbox.name,
    created_at: new Date(inbox.createdAt).toISOString(),
    updated_at: new Date(inbox.createdAt).toISOString(),
    channel_type: "Channel::WebWidget",
    enable_auto_assignment: inbox.enableAutoAssignment,
    greeting_enabled: inbox.greetingEnabled,
    greeting_message: inbox.greetingMessage,
    email_address: null,
    working_hours_enabled: inbox.workingHoursEnabled,
    out_of_office_message: inbox.outOfOfficeMessage,
    timezone: inbox.timezone,
    enable_email_collect: inbox.enableEmailCollect,
    csat_survey_enabled: inbox.csatSurveyEnabled,
    allow_messages_after_resolved: inbox.allowMessagesAfterResolved,
    auto_assignment_config: inbox.autoAssignmentConfig,
    lock_to_single_conversation: inbox.lockToSingleConversation,
    portal_id: inbox.portalId,
    sender_name_type: inbox.senderNameType,
    business_name: inbox.businessName,
    csat_config: inbox.csatConfig,
  };
}
