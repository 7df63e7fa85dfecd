/** Version the simulator claims to be (`GET /api`). */
export const CHATWOOT_VERSION = "4.10.1";

/** Contacts index, search and filter pages (not configurable in Chatwoot). */
export const CONTACTS_PER_PAGE = 15;

/** Messages per page of `GET .../conversations/{id}/messages` (the newest 20, then `before=`). */
export const MESSAGES_PER_PAGE = 20;
export const MESSAGES_AFTER_LIMIT = 100;
/** `after` and `before` together: ids in [after, before), oldest first, up to 1000. */
export const MESSAGES_BETWEEN_LIMIT = 1000;
/** Contacts::ConversationsController#index: the contact's newest 20, by id descending, no paging. */
export const CONTACT_CONVERSATIONS_LIMIT = 20;

/** Account `locale` enum values (config/initializers/languages.rb); anything else raises → 500. */
export const LOCALES: readonly string[] = [
  "en", "ar", "az", "bg", "bn", "ca", "cs", "da", "de", "el", "es", "et", "fa", "fi", "fr", "he", "hi", "hr",
  "hu", "hy", "id", "is", "it", "ja", "ka", "ko", "lt", "lv", "ml", "ms", "ne", "nl", "no", "pl", "pt", "pt_BR",
  "ro", "ru", "sh", "sk", "sl", "sq", "sr", "sv", "ta", "th", "tl", "tr", "uk", "ur", "vi", "zh_CN", "zh_TW",
]; // prettier-ignore

/** Features a fresh account has switched on (config/features.yml defaults, abridged). */
export const DEFAULT_FEATURES: Readonly<Record<string, boolean>> = {
  agent_bots: true,
  agent_management: true,
  auto_resolve_conversations: true,
  automations: true,
  campaigns: true,
  canned_responses: true,
  channel_email: true,
  channel_website: true,
  crm: true,
  custom_attributes: true,
  help_center: true,
  inbox_management: true,
  integrations: true,
  labels: true,
  macros: true,
  reports: true,
  team_management: true,
  voice_recorder: true,
};

/** Keys the enterprise limits schema allows on an account; values must be numbers. */
export const LIMIT_KEYS: readonly string[] = ["inboxes", "agents", "captain_responses", "captain_documents", "emails"];

export const ROLES = ["agent", "administrator"] as const;

export const DISPLAY_TYPES: readonly string[] = [
  "text",
  "number",
  "currency",
  "percent",
  "link",
  "date",
  "list",
  "checkbox",
];
export const ATTRIBUTE_MODELS = ["conversation_attribute", "contact_attribute"] as const;

/** Keys an attribute definition may not take on create, per model. */
export const STANDARD_KEYS: Readonly<Record<(typeof ATTRIBUTE_MODELS)[number], readonly string[]>> = {
  contact_attribute: [
    "name", "email", "phone_number", "identifier", "country_code", "city", "created_at", "last_activity_at",
    "referer", "blocked",
  ],
  conversation_attribute: [
    "status", "priority", "assignee_id", "inbox_id", "team_id", "display_id", "campaign_id", "labels",
    "browser_language", "country_code", "referer", "created_at", "last_activity_at",
  ],
}; // prettier-ignore

export const REPLY_TIMES = ["in_a_few_minutes", "in_a_few_hours", "in_a_day"] as const;
export const SENDER_NAME_TYPES = ["friendly", "professional"] as const;
export const WIDGET_FEATURE_FLAGS: readonly string[] = [
  "attachments",
  "emoji_picker",
  "end_conversation",
  "use_inbox_avatar_for_bot",
];
export const DEFAULT_WIDGET_COLOR = "#1f93ff";

/** Three standard pre-chat fields the widget model fills in, all disabled. */
export const DEFAULT_PRE_CHAT_FIELDS = [
  { field_type: "standard", label: "Email Id", name: "emailAddress", type: "email", required: true, enabled: false },
  { field_type: "standard", label: "Full name", name: "fullName", type: "text", required: false, enabled: false },
  { field_type: "standard", label: "Phone number", name: "phoneNumber", type: "text", required: false, enabled: false },
];

/** How long a `/users/{id}/login` link works (Redis TTL in Chatwoot). */
export const SSO_TOKEN_TTL_MS = 5 * 60_000;
