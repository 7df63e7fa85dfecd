import type {
  AccountRecord,
  AccountUserRecord,
  AttributeDefinitionRecord,
  ContactInboxRecord,
  ContactRecord,
  ConversationRecord,
  DashboardAppRecord,
  InboxMemberRecord,
  InboxRecord,
  MessageRecord,
  PermissibleRecord,
  PlatformAppRecord,
  RequestLogEntry,
  SsoTokenRecord,
  UserRecord,
  WidgetCallRecord,
} from "./types";

/** Everything the simulator holds; the tables of a Chatwoot database plus two logs. */
export interface StateData {
  platformApps: PlatformAppRecord[];
  permissibles: PermissibleRecord[];
  accounts: AccountRecord[];
  users: UserRecord[];
  accountUsers: AccountUserRecord[];
  inboxes: InboxRecord[];
  inboxMembers: InboxMemberRecord[];
  contacts: ContactRecord[];
  contactInboxes: ContactInboxRecord[];
  attributeDefinitions: AttributeDefinitionRecord[];
  dashboardApps: DashboardAppRecord[];
  conversations: ConversationRecord[];
  messages: MessageRecord[];
  ssoTokens: SsoTokenRecord[];
  requests: RequestLogEntry[];
  widgetCalls: WidgetCallRecord[];
}

/** Read-only view handed to tests: assert on it, change it through HTTP or the seed helpers. */
export type SimulatorState = { readonly [K in keyof StateData]: ReadonlyArray<Readonly<StateData[K][number]>> };

const TABLES: readonly (keyof StateData)[] = [
  "platformApps",
  "permissibles",
  "accounts",
  "users",
  "accountUsers",
  "inboxes",
  "inboxMembers",
  "contacts",
  "contactInboxes",
  "attributeDefinitions",
  "dashboardApps",
  "conversations",
  "messages",
  "ssoTokens",
  "requests",
  "widgetCalls",
];

/**
 * In-memory tables. Arrays are mutated in place (never reassigned), so a test that kept a
 * reference to `sim.state` keeps seeing the live data after a reset.
 */
export class SimState implements StateData {
  readonly platformApps: PlatformAppRecord[] = [];
  readonly permissibles: PermissibleRecord[] = [];
  readonly accounts: AccountRecord[] = [];
  readonly users: UserRecord[] = [];
  readonly accountUsers: AccountUserRecord[] = [];
  readonly inboxes: InboxRecord[] = [];
  readonly inboxMembers: InboxMemberRecord[] = [];
  readonly contacts: ContactRecord[] = [];
  readonly contactInboxes: ContactInboxRecord[] = [];
  readonly attributeDefinitions: AttributeDefinitionRecord[] = [];
  readonly dashboardApps: DashboardAppRecord[] = [];
  readonly conversations: ConversationRecord[] = [];
  readonly messages: MessageRecord[] = [];
  readonly ssoTokens: SsoTokenRecord[] = [];
  readonly requests: RequestLogEntry[] = [];
  readonly widgetCalls: WidgetCallRecord[] = [];
  private readonly sequences = new Map<string, number>();

  /** Sequential ids per table, like Postgres serial columns (never reused after a delete). */
  nextId(table: string): number {
    const next = (this.sequences.get(table) ?? 0) + 1;
    this.sequences.set(table, next);
    return next;
  }

  clear(): void {
    for (const table of TABLES) this[table].length = 0;
    this.sequences.clear();
  }

  toJSON(): StateData {
    const out = {} as Record<keyof StateData, unknown>;
    for (const table of TABLES) out[table] = this[table];
    return out as StateData;
  }
}

/** Removes matching rows in place and returns them. */
export function removeWhere<T>(rows: T[], predicate: (row: T) => boolean): T[] {
  const removed: T[] = [];
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i] as T;
    if (predicate(row)) removed.unshift(...rows.splice(i, 1));
  }
  return removed;
}
