import type { z } from "zod";
import type { Logger } from "~/lib/logger.server";
import type * as schemas from "./schemas";

// ================================================================ responses (derived, never hand-written)

export type PlatformAccount = z.infer<typeof schemas.platformAccountSchema>;
export type PlatformUser = z.infer<typeof schemas.platformUserSchema>;
export type UserLoginLink = z.infer<typeof schemas.userLoginLinkSchema>;
export type AccountUser = z.infer<typeof schemas.accountUserSchema>;
export type Profile = z.infer<typeof schemas.profileSchema>;
export type Inbox = z.infer<typeof schemas.inboxSchema>;
export type WebWidgetInbox = z.infer<typeof schemas.webWidgetInboxSchema>;
export type AttributeDefinition = z.infer<typeof schemas.attributeDefinitionSchema>;
export type DashboardApp = z.infer<typeof schemas.dashboardAppSchema>;
export type Contact = z.infer<typeof schemas.contactSchema>;
export type ContactPage = z.infer<typeof schemas.contactPageSchema>;
export type Conversation = z.infer<typeof schemas.conversationSchema>;
export type Message = z.infer<typeof schemas.messageSchema>;
export type MessageList = z.infer<typeof schemas.messageListSchema>;

// ================================================================ request bodies

/** A free-form hash Chatwoot stores as JSON. */
export type Attributes = Record<string, unknown>;

/** `suspended` makes the Application API and the widget answer 401 at once; data is kept. */
export type AccountStatus = "active" | "suspended";

export interface CreateAccountInput {
  name: string;
  /** Must be a locale Chatwoot knows: an unknown one is a 500, not a 422. (Default: "en") */
  locale?: string;
  /** At most 100 characters. */
  support_email?: string;
  /** At most 100 characters. */
  domain?: string;
  /** (Default: "active") */
  status?: AccountStatus;
  custom_attributes?: Attributes;
}

export interface UpdateAccountInput extends Partial<CreateAccountInput> {
  /**
   * Replaces the whole hash, it is not merged; Chatwoot keeps its own keys here
   * (`plan_name`, `marked_for_deletion_at`…), so read, modify, then write.
   */
  custom_attributes?: Attributes;
}

export interface CreateUserInput {
  name: string;
  display_name?: string;
  /** Unique per installation and lowercased. An existing email returns that user as-is. */
  email: string;
  /** 6–128 characters with an uppercase, a lowercase, a digit and a special character. */
  password: string;
  custom_attributes?: Attributes;
}

/** Any other value is a 500 on the Platform API. */
export type AccountRole = "administrator" | "agent";

export interface AddAccountUserInput {
  user_id: number;
  /** `administrator` is needed to create inboxes and to read `hmac_token`. */
  role: AccountRole;
}

export type ReplyTime = "in_a_few_minutes" | "in_a_few_hours" | "in_a_day";

export interface WebWidgetChannelInput {
  website_url: string;
  /** Hex colour. (Default: "#1f93ff") */
  widget_color?: string;
  welcome_title?: string;
  welcome_tagline?: string;
  /** (Default: "in_a_few_minutes") */
  reply_time?: ReplyTime;
  /** Rejects `setUser` without a valid identifier_hash; anonymous chats stay possible. (Default: false) */
  hmac_mandatory?: boolean;
  /** Comma-separated hosts for CSP frame-ancestors; blank means frameable anywhere. (Default: "") */
  allowed_domains?: string;
}

export interface CreateWebWidgetInboxInput {
  name: string;
  /** Greeting settings live on the inbox, not on the channel. (Default: false) */
  greeting_enabled?: boolean;
  greeting_message?: string;
  channel: WebWidgetChannelInput;
}

export interface UpdateInboxInput {
  name?: string;
  greeting_enabled?: boolean;
  greeting_message?: string;
  channel?: Partial<WebWidgetChannelInput>;
}

/** Chatwoot's default is `conversation_attribute`, which is why the input requires it. */
export type AttributeModel = "contact_attribute" | "conversation_attribute";

/** Filters cast number→numeric, date→date, checkbox→boolean; currency/percent are not cast. */
export type AttributeDisplayType = "text" | "number" | "currency" | "percent" | "link" | "date" | "list" | "checkbox";

export interface CreateAttributeDefinitionInput {
  attribute_display_name: string;
  /** Unique per (account, model); use `^[a-z0-9_]+$` and never a standard key such as `email`. */
  attribute_key: string;
  attribute_display_type: AttributeDisplayType;
  /** Required here on purpose: omitted, Chatwoot files it under conversations. */
  attribute_model: AttributeModel;
  attribute_description?: string;
  /** Options of a `list` attribute. */
  attribute_values?: string[];
}

export interface DashboardAppFrame {
  type: "frame";
  /** Must start with http:// or https://, otherwise 422 "Content : Invalid data". */
  url: string;
}

export interface CreateDashboardAppInput {
  title: string;
  /** Send exactly one frame: Chatwoot only sends the conversation context to `content[0]`. */
  content: DashboardAppFrame[];
}

export type UpdateDashboardAppInput = Partial<CreateDashboardAppInput>;

export interface ContactInput {
  name?: string;
  /** Case-sensitive unique key per account; the widget's setUser identifier (Shopify customer id). */
  identifier?: string;
  /** Lowercased, unique per account. */
  email?: string;
  /** E.164 (`+` and 2–15 digits) and unique per account, or the whole write is a 422. */
  phone_number?: string;
  custom_attributes?: Attributes;
  additional_attributes?: Attributes;
}

/**
 * On update, `custom_attributes`/`additional_attributes` are merged at the top level only:
 * a nested object is replaced, `null` keeps the key, removal needs destroyContactCustomAttributes.
 */
export type UpdateContactInput = ContactInput;

/** An exact lookup; Chatwoot compares email case-insensitively and identifier lowercased. */
export interface ContactFilterCondition {
  attribute_key: "identifier" | "email" | "phone_number";
  filter_operator: "equal_to";
  /** One value: for contacts `equal_to` only looks at the first one. */
  values: [string];
  /** Joins this condition to the next; ignored on the last one, which must be null. (Default: "OR") */
  query_operator?: "AND" | "OR";
}

// ================================================================ transport

export type HttpMethod = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE";

export type QueryValue = string | number | boolean | undefined;

export interface ChatwootRequest<S extends z.ZodType> {
  method: HttpMethod;
  /** Path below the base URL, starting with `/`. */
  path: string;
  /** Appended to the URL; `undefined` values are skipped. Never logged. */
  query?: Record<string, QueryValue>;
  /** Sent as JSON. */
  body?: unknown;
  /** Parses the 2xx body; the operation's return type is its output. */
  schema: S;
  /** Allows replaying after 5xx/network/timeout. (Default: true for GET, HEAD, PUT, DELETE) */
  idempotent?: boolean;
  /** Aborts the call, including waits between retries. */
  signal?: AbortSignal;
}

export interface ChatwootTransport {
  request<S extends z.ZodType>(request: ChatwootRequest<S>): Promise<z.output<S>>;
}

export interface RetryOptions {
  /** Retries after the first attempt. (Default: 4) */
  maxRetries?: number;
  /** Ceiling of the first backoff; doubles per retry, full jitter below it. (Default: 250) */
  baseDelayMs?: number;
  /** Cap of any wait; a longer Retry-After is not waited for but thrown. (Default: 8000) */
  maxDelayMs?: number;
}

export interface AttemptContext {
  method: HttpMethod;
  path: string;
  /** 1 for the first attempt. */
  attempt: number;
}

export interface ChatwootTransportOptions {
  /** Chatwoot's origin, e.g. `https://chat.example.com` (a sub-path is kept). */
  baseUrl: string;
  /** Sent as the `api_access_token` header; never logged. */
  token: string;
  /** (Default: globalThis.fetch) */
  fetch?: typeof globalThis.fetch;
  /** Per attempt, body included. (Default: 10000) */
  timeoutMs?: number;
  retry?: RetryOptions;
  /** Receives one `warn` per retry. */
  logger: Logger;
  /** Awaited before every attempt, retries included (e.g. a shared request budget). */
  beforeRequest?: (context: AttemptContext) => Promise<void> | void;
  /** (Default: a timer that rejects when the signal aborts) */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Source of jitter in [0, 1). (Default: Math.random) */
  random?: () => number;
}

/** Options shared by both clients: everything but the token, which each client names. */
export type ChatwootClientOptions = Omit<ChatwootTransportOptions, "token">;

/** Per-call options of every operation. */
export interface CallOptions {
  /** Cancels the call, e.g. the job's abortSignal. */
  signal?: AbortSignal;
}

/** Dependencies of a Platform API operation. */
export interface PlatformDeps {
  transport: ChatwootTransport;
}

/** Dependencies of an Application API operation: every path is under the account. */
export interface AccountDeps {
  transport: ChatwootTransport;
  accountId: number;
}

/** Options of createChatwootPlatformClient (Platform API, self-hosted installations only). */
export interface ChatwootPlatformClientOptions extends ChatwootClientOptions {
  /** A platform app's token, made by a super admin at /super_admin/platform_apps. */
  platformToken: string;
}

/** Options of createChatwootAccountClient (Application API of one account). */
export interface ChatwootAccountClientOptions extends ChatwootClientOptions {
  accountId: number;
  /**
   * A user's `access_token` (the integration user from createUser). A platform token is
   * refused here with 401 "not authorized for bots".
   */
  userToken: string;
}
