import type { SimCore } from "./core";
import { gravatar, iso } from "./format";
import type { AccountRecord, AccountUserRecord, UserRecord } from "./types";

/** Account#support_email falls back to the installation's MAILER_SENDER_EMAIL (.env.example default). */
export const MAILER_SENDER_EMAIL = "Chatwoot <accounts@chatwoot.com>";

/** platform/api/v1/models/_account.json.jbuilder: `features` lists the enabled ones only. */
export function accountJson(account: AccountRecord) {
  const features = Object.fromEntries(Object.entries(account.features).filter(([, on]) => on));
  return {
    id: account.id,
    name: account.name,
    locale: account.locale,
    domain: account.domain,
    support_email: account.supportEmail ?? MAILER_SENDER_EMAIL,
    features,
    custom_attributes: account.customAttributes,
    limits: account.limits,
    status: account.status,
  };
}

/** The raw AccountUser row (`render json: account_user`), enums as strings. */
export function accountUserRow(row: AccountUserRecord) {
  return {
    id: row.id,
    account_id: row.accountId,
    user_id: row.userId,
    role: row.role,
    inviter_id: row.inviterId,
    active_at: iso(row.activeAt),
    availability: row.availability,
    auto_offline: row.autoOffline,
    custom_role_id: null,
    agent_capacity_policy_id: null,
    created_at: iso(row.createdAt),
    updated_at: iso(row.updatedAt),
  };
}

/**
 * The "active" membership: `order(active_at: :desc).first`. Postgres sorts NULLs first in
 * descending order, and a user who never signed in has only NULLs, so ties fall to the oldest row.
 */
function activeAccountUser(core: SimCore, user: UserRecord): AccountUserRecord | undefined {
  const rows = core.state.accountUsers.filter((au) => au.userId === user.id);
  const rank = (au: AccountUserRecord) => (au.activeAt === null ? Number.POSITIVE_INFINITY : au.activeAt);
  return [...rows].sort((a, b) => rank(b) - rank(a) || a.id - b.id)[0];
}

/** platform/api/v1/models/_user.json.jbuilder (also what `GET /api/v1/profile` carries). */
export function userJson(core: SimCore, user: UserRecord) {
  const active = activeAccountUser(core, user);
  const memberships = core.state.accountUsers.filter((au) => au.userId === user.id);
  return {
    access_token: user.accessToken,
    account_id: active?.accountId ?? null,
    available_name: user.displayName || user.name,
    avatar_url: gravatar(user.email),
    confirmed: true,
    display_name: user.displayName,
    message_signature: user.messageSignature,
    email: user.email,
    id: user.id,
    name: user.name,
    provider: "email",
    pubsub_token: user.pubsubToken,
    ...(Object.keys(user.customAttributes).length > 0 ? { custom_attributes: user.customAttributes } : {}),
    role: active?.role ?? null,
    ui_settings: user.uiSettings,
    uid: user.email,
    accounts: memberships.map((au) => ({
      id: au.accountId,
      name: core.state.accounts.find((a) => a.id === au.accountId)?.name ?? null,
      active_at: iso(au.activeAt),
      role: au.role,
    })),
  };
}
