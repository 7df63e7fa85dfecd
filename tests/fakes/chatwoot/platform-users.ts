import { grantPermissible, requirePermissible } from "./auth";
import { destroyUser } from "./cascade";
import { SSO_TOKEN_TTL_MS } from "./constants";
import type { SimCore } from "./core";
import { railsFailure } from "./errors";
import { urlEncode } from "./format";
import { headOk, json } from "./http";
import { hashParam, idParam, type Params, textParam } from "./params";
import { digestPassword, validatePassword } from "./passwords";
import { platformRoute, type PlatformCtx, type Route } from "./router";
import { secureToken } from "./tokens";
import type { UserRecord } from "./types";
import { EMAIL_FORMAT, FieldErrors } from "./validation";
import { userJson } from "./views-platform";

const BASE = "/platform/api/v1/users";

/** Devise strips and downcases the email before validating it. */
function normalizeEmail(value: string | null | undefined): string | null | undefined {
  return typeof value === "string" ? value.trim().toLowerCase() : value;
}

export function findUserByEmail(core: SimCore, email: string): UserRecord | undefined {
  return core.state.users.find((u) => u.email === email.toLowerCase());
}

/** A brand-new, confirmed user with its own access token (AccessTokenable). */
export function insertUser(core: SimCore, params: Params): UserRecord {
  const email = normalizeEmail(textParam(params, "email"));
  const password = textParam(params, "password");
  const errors = new FieldErrors();
  validateEmail(core, errors, email, undefined);
  validatePassword(errors, password);
  errors.throwIfAny();
  const name = textParam(params, "name");
  if (name === undefined || name === null) throw railsFailure(500); // users.name is NOT NULL, no validation
  const user: UserRecord = {
    id: core.state.nextId("users"),
    name,
    displayName: textParam(params, "display_name") ?? null,
    email: email as string,
    passwordDigest: digestPassword(password ?? ""),
    accessToken: secureToken(),
    pubsubToken: secureToken(),
    customAttributes: hashParam(params, "custom_attributes") ?? {},
    uiSettings: {},
    messageSignature: null,
    createdAt: core.now(),
  };
  core.state.users.push(user);
  return user;
}

/** Devise validatable plus Chatwoot's own `validates :email, presence: true` (so blank is reported twice). */
function validateEmail(core: SimCore, errors: FieldErrors, email: string | null | undefined, self?: UserRecord) {
  if (!email) {
    errors.add("email", "can't be blank").add("email", "can't be blank");
    return;
  }
  if (core.state.users.some((u) => u.email === email && u !== self)) errors.add("email", "has already been taken");
  if (!EMAIL_FORMAT.test(email)) errors.add("email", "is invalid");
}

/** PATCH: attributes replace, `custom_attributes` merge, a new email skips reconfirmation. */
function updateUser(core: SimCore, user: UserRecord, params: Params): void {
  const errors = new FieldErrors();
  const email = normalizeEmail(textParam(params, "email"));
  if (email !== undefined && email !== user.email) validateEmail(core, errors, email, user);
  const password = textParam(params, "password");
  if (password !== undefined) validatePassword(errors, password);
  errors.throwIfAny();
  const name = textParam(params, "name");
  if (name === null) throw railsFailure(500);
  if (name !== undefined) user.name = name;
  const displayName = textParam(params, "display_name");
  if (displayName !== undefined) user.displayName = displayName;
  if (email) user.email = email;
  if (password) user.passwordDigest = digestPassword(password);
  const custom = hashParam(params, "custom_attributes");
  if (custom) user.customAttributes = { ...user.customAttributes, ...custom };
}

function findUser(ctx: PlatformCtx): UserRecord {
  const id = idParam(ctx.pathParams.id);
  const user = ctx.core.state.users.find((u) => u.id === id);
  if (!user) throw railsFailure(404);
  requirePermissible(ctx, "User", user.id);
  return user;
}

export const platformUserRoutes: Route[] = [
  platformRoute("POST", BASE, (ctx) => {
    // An existing email anywhere on the installation wins: returned as is, and now permissible.
    const email = normalizeEmail(textParam(ctx.params, "email"));
    const user = (email && findUserByEmail(ctx.core, email)) || insertUser(ctx.core, ctx.params);
    grantPermissible(ctx.core.state, ctx.app.id, "User", user.id);
    return json(200, userJson(ctx.core, user));
  }),
  platformRoute("GET", `${BASE}/:id`, (ctx) => json(200, userJson(ctx.core, findUser(ctx)))),
  ...["PATCH", "PUT"].map((method) =>
    platformRoute(method, `${BASE}/:id`, (ctx) => {
      const user = findUser(ctx);
      updateUser(ctx.core, user, ctx.params);
      return json(200, userJson(ctx.core, user));
    }),
  ),
  platformRoute("DELETE", `${BASE}/:id`, (ctx) => {
    const user = findUser(ctx);
    ctx.core.jobs.schedule(`delete user ${user.id}`, () => destroyUser(ctx.core.state, user.id));
    return headOk();
  }),
  platformRoute("GET", `${BASE}/:id/login`, (ctx) => {
    const user = findUser(ctx);
    const token = secureToken(32);
    ctx.core.state.ssoTokens.push({
      userId: user.id,
      token,
      expiresAt: ctx.core.now() + SSO_TOKEN_TTL_MS,
      usedAt: null,
    });
    const url = `${ctx.core.publicUrl}/app/login?email=${urlEncode(user.email)}&sso_auth_token=${token}`;
    return json(200, { url });
  }),
  platformRoute("POST", `${BASE}/:id/token`, (ctx) => {
    const user = findUser(ctx);
    const summary = {
      id: user.id,
      name: user.name,
      display_name: user.displayName,
      email: user.email,
      pubsub_token: user.pubsubToken,
    };
    return json(200, { access_token: user.accessToken, expiry: null, user: summary });
  }),
];
