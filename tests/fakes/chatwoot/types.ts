/**
 * Public types of the Chatwoot simulator. Records are camelCase mirrors of Chatwoot's tables;
 * the JSON views turn them into Chatwoot's snake_case shapes. Times are epoch milliseconds
 * read from the simulator's clock.
 */

export type SimulatorLogger = (message: string, context: Record<string, unknown>) => void;

export interface ChatwootSimulatorOptions {
  /** Port to listen on; 0 picks a free one. (Default: 0) */
  port?: number;
  /** Interface to bind. (Default: "127.0.0.1") */
  host?: string;
  /** Platform app tokens, one platform app each. (Default: one generated token) */
  platformTokens?: string[];
  /** rack-attack's global `req/ip` limit per minute, like RACK_ATTACK_LIMIT. (Default: 3000) */
  rateLimitPerMinute?: number;
  /** Contact searches per account per minute, like RATE_LIMIT_CONTACT_SEARCH. (Default: 100) */
  contactSearchPerMinute?: number;
  /** How long an account or user DELETE stays queued before the "job" runs. (Default: 50) */
  accountDeleteDelayMs?: number;
  /** Origin used in `/app/login` links and `web_widget_script`, like FRONTEND_URL. (Default: the server URL) */
  publicUrl?: string;
  /** Milliseconds since the epoch; drives rate-limit windows, timestamps and SSO expiry. (Default: Date.now) */
  clock?: () => number;
  /** Called once per answered request and on background events. (Default: silent) */
  log?: SimulatorLogger;
}

export type Role = "agent" | "administrator";
export type AccountStatus = "active" | "suspended";
export type JsonObject = Record<string, unknown>;

export interface PlatformAppRecord {
  id: number;
  name: string;
  token: string;
}

export interface PermissibleRecord {
  platformAppId: number;
  permissibleType: "Account" | "User";
  permissibleId: number;
}

export interface AccountRecord {
  id: number;
  name: string;
  locale: string;
  domain: string | null;
  supportEmail: string | null;
  status: AccountStatus;
  features: Record<string, boolean>;
  customAttributes: JsonObject;
  limits: JsonObject;
  createdAt: number;
}

export interface UserRecord {
  id: number;
  name: string;
  displayName: string | null;
  email: string;
  passwordDigest: string;
  accessToken: string;
  pubsubToken: string;
  customAttributes: JsonObject;
  uiSettings: JsonObject;
  messageSignature: string | null;
  createdAt: number;
}

export interface AccountUserRecord {
  id: number;
  accountId: number;
  userId: number;
  role: Role;
  inviterId: number | null;
  activeAt: number | null;
  availability: "online" | "offline" | "busy";
  autoOffline: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface WebWidgetChannel {
  id: number;
  websiteUrl: string;
  widgetColor: string;
  welcomeTitle: string | null;
  welcomeTagline: string | null;
  replyTime: "in_a_few_minutes" | "in_a_few_hours" | "in_a_day";
  preChatFormEnabled: boolean;
  preChatFormOptions: JsonObject;
  continuityViaEmail: boolean;
  hmacMandatory: boolean;
  allowedDomains: string;
  selectedFeatureFlags: string[];
  websiteToken: string;
  hmacToken: string;
}

export interface InboxRecord {
  id: number;
  accountId: number;
  name: string;
  greetingEnabled: boolean;
  greetingMessage: string | null;
  enableEmailCollect: boolean;
  csatSurveyEnabled: boolean;
  csatConfig: JsonObject;
  enableAutoAssignment: boolean;
  autoAssignmentConfig: JsonObject;
  workingHoursEnabled: boolean;
  outOfOfficeMessage: string | null;
  timezone: string;
  allowMessagesAfterResolved: boolean;
  lockToSingleConversation: boolean;
  portalId: number | null;
  senderNameType: "friendly" | "professional";
  businessName: string | null;
  channel: WebWidgetChannel;
  createdAt: number;
}

export interface InboxMemberRecord {
  inboxId: number;
  userId: number;
}

export interface ContactRecord {
  id: number;
  accountId: number;
  name: string;
  email: string | null;
  phoneNumber: string | null;
  identifier: string | null;
  blocked: boolean;
  additionalAttributes: JsonObject;
  customAttributes: JsonObject;
  lastActivityAt: number | null;
  createdAt: number;
}

export interface ContactInboxRecord {
  id: number;
  contactId: number;
  inboxId: number;
  sourceId: string;
  hmacVerified: boolean;
  createdAt: number;
}

export interface AttributeDefinitionRecord {
  id: number;
  accountId: number;
  attributeDisplayName: string;
  attributeDisplayType: string;
  attributeKey: string;
  attributeModel: "conversation_attribute" | "contact_attribute";
  attributeDescription: string | null;
  attributeValues: unknown[];
  regexPattern: string | null;
  regexCue: string | null;
  defaultValue: unknown;
  createdAt: number;
  updatedAt: number;
}

export interface DashboardAppRecord {
  id: number;
  accountId: number;
  userId: number;
  title: string;
  content: { type: string; url: string }[];
  createdAt: number;
}

export interface ConversationRecord {
  id: number;
  displayId: number;
  accountId: number;
  inboxId: number;
  contactId: number;
  contactInboxId: number;
  uuid: string;
  status: "open" | "resolved" | "pending" | "snoozed";
  labels: string[];
  customAttributes: JsonObject;
  additionalAttributes: JsonObject;
  createdAt: number;
  lastActivityAt: number;
}

/** Chatwoot's message_type enum: 0 incoming, 1 outgoing, 2 activity, 3 template. */
export type MessageType = "incoming" | "outgoing" | "activity" | "template";

export interface MessageRecord {
  id: number;
  accountId: number;
  inboxId: number;
  conversationId: number;
  content: string | null;
  messageType: MessageType;
  contentType: string;
  contentAttributes: JsonObject;
  private: boolean;
  status: "sent" | "delivered" | "read" | "failed";
  sourceId: string | null;
  senderType: "Contact" | "User" | null;
  senderId: number | null;
  createdAt: number;
}

export interface SsoTokenRecord {
  userId: number;
  token: string;
  expiresAt: number;
  usedAt: number | null;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  query: string;
  /** null when a fault dropped or never answered the request. */
  status: number | null;
  token: string | null;
  ip: string;
  at: number;
  fault?: FaultKind;
  /** For a `drop` fault: the status the client never received. */
  droppedStatus?: number;
}

export interface WidgetCallRecord {
  kind: "set_user" | "update";
  websiteToken: string;
  inboxId: number;
  params: JsonObject;
  status: number;
  contactId: number | null;
  hmacVerified: boolean;
  at: number;
}

// --- faults ---

export type FaultKind = "status" | "latency" | "timeout" | "rateLimit" | "reset" | "drop";

export interface FaultMatch {
  /** Upper-case HTTP method; any when absent. */
  method?: string;
  /** A string matches the path exactly (no query); a RegExp is tested against the path. */
  path?: string | RegExp;
}

interface FaultBase {
  match?: FaultMatch;
  /** How many matching requests it affects. (Default: 1; Infinity for "until cleared") */
  times?: number;
  /** Matching requests to let through untouched before it starts. (Default: 0) */
  skip?: number;
}

export type FaultSpec =
  | (FaultBase & {
      kind: "status";
      status: number;
      /** Default: Rails' JSON error for 500, an nginx HTML page for 502/503/504. */
      body?: string | JsonObject;
      contentType?: string;
      headers?: Record<string, string>;
    })
  | (FaultBase & { kind: "latency"; ms: number })
  | (FaultBase & { kind: "timeout" })
  | (FaultBase & { kind: "rateLimit" })
  | (FaultBase & { kind: "reset" })
  /** Chatwoot handles the request (side effects happen), then the connection drops before the answer. */
  | (FaultBase & { kind: "drop" });

export interface ActiveFault {
  id: number;
  spec: FaultSpec;
  remaining: number;
  /** Matching requests still to let through (from `skip`). */
  toSkip: number;
  hits: number;
}

export interface FaultControls {
  add(spec: FaultSpec): ActiveFault;
  clear(): void;
  list(): readonly ActiveFault[];
}
