import { appNotFound, MESSAGES, unauthorized } from "./errors";
import { HttpFailure, json, type Reply } from "./http";
import { idParam, parseBody, textParam } from "./params";
import type { SimState } from "./state";
import type { AccountCtx, ParsedCtx, PlatformCtx, RequestCtx, Route, UserCtx, WidgetCtx } from "./router";

/** Runs a route's authentication, in Chatwoot's before_action order, then its handler. */
export async function dispatch(route: Route, ctx: RequestCtx): Promise<Reply> {
  switch (route.scope) {
    case "platform":
      return route.handler(authenticatePlatform(ctx));
    case "user":
      return route.handler(authenticateUser(ctx));
    case "account":
      return route.handler(authenticateAccount(ctx));
    case "widget":
      return route.handler(resolveWidget(ctx));
    case "public":
      return route.handler(withParams(ctx));
  }
}

/** Parses the body (400 when malformed); Rails does it on first `params` access. */
export function withParams(ctx: RequestCtx): ParsedCtx {
  const contentType = ctx.headers["content-type"];
  const body = parseBody(ctx.rawBody, Array.isArray(contentType) ? contentType[0] : contentType);
  return { ...ctx, params: { ...body.params, ...ctx.query, ...ctx.pathParams }, json: body.json };
}

/** PlatformController: the token must belong to a platform app. */
function authenticatePlatform(ctx: RequestCtx): PlatformCtx {
  const app = ctx.token ? ctx.core.state.platformApps.find((a) => a.token === ctx.token) : undefined;
  if (!app) throw unauthorized(MESSAGES.invalidPlatformToken);
  return { ...withParams(ctx), app };
}

/**
 * Api::BaseController: no header at all falls through to devise_token_auth; an unknown token
 * is "Invalid Access Token"; a platform app's token is treated like a bot's and refused.
 */
function authenticateUser(ctx: RequestCtx): UserCtx {
  const { state } = ctx.core;
  if (!ctx.token) throw new HttpFailure(json(401, { errors: [MESSAGES.signInRequired] }));
  const user = state.users.find((u) => u.accessToken === ctx.token);
  if (!user) {
    const ownedByApp = state.platformApps.some((a) => a.token === ctx.token);
    throw unauthorized(ownedByApp ? MESSAGES.botsNotAllowed : MESSAGES.invalidUserToken);
  }
  return { ...withParams(ctx), user };
}

/** EnsureCurrentAccountHelper: account exists (404), is active (401), caller is a member (401). */
function authenticateAccount(ctx: RequestCtx): AccountCtx {
  const base = authenticateUser(ctx);
  const { state } = ctx.core;
  const accountId = idParam(ctx.pathParams.account_id);
  const account = state.accounts.find((a) => a.id === accountId);
  if (!account) throw appNotFound();
  if (account.status !== "active") throw unauthorized(MESSAGES.suspended);
  const accountUser = state.accountUsers.find((au) => au.accountId === account.id && au.userId === base.user.id);
  if (!accountUser) throw unauthorized(MESSAGES.notMember);
  return { ...base, account, accountUser };
}

/** WebsiteTokenHelper: `website_token` names a web widget (404) whose account is active (401). */
function resolveWidget(ctx: RequestCtx): WidgetCtx {
  const parsed = withParams(ctx);
  const { state } = ctx.core;
  const websiteToken = textParam(parsed.params, "website_token");
  const inbox = websiteToken ? state.inboxes.find((i) => i.channel.websiteToken === websiteToken) : undefined;
  const account = inbox && state.accounts.find((a) => a.id === inbox.accountId);
  if (!inbox || !account) throw appNotFound();
  if (account.status !== "active") throw unauthorized(MESSAGES.suspended);
  return { ...parsed, inbox, account };
}

/** Pundit's answer for an agent calling an administrator-only action. */
export function requireAdministrator(ctx: AccountCtx): void {
  if (ctx.accountUser.role !== "administrator") throw unauthorized(MESSAGES.forbiddenAction);
}

/** PlatformController#validate_platform_app_permissible. */
export function requirePermissible(ctx: PlatformCtx, type: "Account" | "User", id: number): void {
  const found = ctx.core.state.permissibles.some(
    (p) => p.platformAppId === ctx.app.id && p.permissibleType === type && p.permissibleId === id,
  );
  if (!found) throw unauthorized(MESSAGES.nonPermissible);
}

/** The row written when a platform app creates (or, for users, looks up) a record. */
export function grantPermissible(state: SimState, platformAppId: number, type: "Account" | "User", id: number): void {
  const { permissibles } = state;
  const exists = permissibles.some(
    (p) => p.platformAppId === platformAppId && p.permissibleType === type && p.permissibleId === id,
  );
  if (!exists) permissibles.push({ platformAppId, permissibleType: type, permissibleId: id });
}
