import { grantPermissible, requirePermissible } from "./auth";
import { destroyAccount } from "./cascade";
import { DEFAULT_FEATURES, LIMIT_KEYS, LOCALES } from "./constants";
import type { SimCore } from "./core";
import { railsFailure } from "./errors";
import { headOk, json } from "./http";
import { hashParam, idParam, type Params, textParam } from "./params";
import { platformRoute, type PlatformCtx, type Route } from "./router";
import type { AccountRecord, JsonObject } from "./types";
import { FieldErrors, tooLong } from "./validation";
import { accountJson } from "./views-platform";

const BASE = "/platform/api/v1/accounts";

/** Creates an account the way `POST /platform/api/v1/accounts` does, minus the permissible row. */
export function insertAccount(core: SimCore, params: Params): AccountRecord {
  const account: AccountRecord = {
    id: 0,
    name: "",
    locale: "en",
    domain: null,
    supportEmail: null,
    status: "active",
    features: { ...DEFAULT_FEATURES },
    customAttributes: {},
    limits: {},
    createdAt: core.now(),
  };
  assignAccount(account, params);
  account.id = core.state.nextId("accounts");
  core.state.accounts.push(account);
  return account;
}

/**
 * Assigns then validates, like `assign_attributes` + `save!`: a bad enum value raises during
 * assignment (500, nothing saved); validation failures are 422. `custom_attributes` and
 * `limits` replace the stored hashes wholesale.
 */
function assignAccount(target: AccountRecord, params: Params): void {
  const next = { ...target, features: { ...target.features } };
  const name = textParam(params, "name");
  if (name !== undefined) next.name = name ?? "";
  const locale = textParam(params, "locale");
  if (locale !== undefined) {
    if (locale === null || !LOCALES.includes(locale)) throw railsFailure(500);
    next.locale = locale;
  }
  const status = textParam(params, "status");
  if (status !== undefined) {
    if (status !== "active" && status !== "suspended") throw railsFailure(500);
    next.status = status;
  }
  const domain = textParam(params, "domain");
  if (domain !== undefined) next.domain = domain;
  const supportEmail = textParam(params, "support_email");
  if (supportEmail !== undefined) next.supportEmail = supportEmail;
  const customAttributes = hashParam(params, "custom_attributes");
  if (customAttributes) next.customAttributes = customAttributes;
  const limits = hashParam(params, "limits");
  if (limits) next.limits = limits;
  for (const [feature, value] of Object.entries(hashParam(params, "features") ?? {})) {
    next.features[feature] = isPresent(value);
  }

  const errors = new FieldErrors();
  if (next.name.trim() === "") errors.add("name", "can't be blank");
  tooLong(errors, "domain", next.domain, 100);
  tooLong(errors, "support_email", next.supportEmail, 100);
  validateLimits(errors, next.limits);
  errors.throwIfAny();
  Object.assign(target, next);
}

/** The enterprise limits schema (before_validation): known keys only, numeric values only. */
function validateLimits(errors: FieldErrors, limits: JsonObject): void {
  const valid = Object.entries(limits).every(([key, value]) => LIMIT_KEYS.includes(key) && typeof value === "number");
  if (!valid) errors.add("limits", ": Invalid data");
}

/** Ruby's `present?`. */
function isPresent(value: unknown): boolean {
  if (value === null || value === undefined || value === false) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === "object") return Object.keys(value).length > 0;
  return true;
}

/** Platform controllers do not rescue RecordNotFound: Rails' own 404, before the permissible check. */
export function findPermissibleAccount(ctx: PlatformCtx, rawId: string | undefined): AccountRecord {
  const id = idParam(rawId);
  const account = ctx.core.state.accounts.find((a) => a.id === id);
  if (!account) throw railsFailure(404);
  requirePermissible(ctx, "Account", account.id);
  return account;
}

export const platformAccountRoutes: Route[] = [
  platformRoute("GET", BASE, (ctx) => {
    const rows = ctx.core.state.permissibles.filter(
      (p) => p.platformAppId === ctx.app.id && p.permissibleType === "Account",
    );
    const accounts = rows.map((p) => ctx.core.state.accounts.find((a) => a.id === p.permissibleId));
    // Permissible rows outlive deleted accounts; the view then calls a method on nil.
    if (accounts.some((a) => a === undefined)) throw railsFailure(500);
    return json(200, (accounts as AccountRecord[]).map(accountJson));
  }),
  platformRoute("POST", BASE, (ctx) => {
    const account = insertAccount(ctx.core, ctx.params);
    grantPermissible(ctx.core.state, ctx.app.id, "Account", account.id);
    return json(200, accountJson(account));
  }),
  platformRoute("GET", `${BASE}/:id`, (ctx) => json(200, accountJson(findPermissibleAccount(ctx, ctx.pathParams.id)))),
  ...["PATCH", "PUT"].map((method) =>
    platformRoute(method, `${BASE}/:id`, (ctx) => {
      const account = findPermissibleAccount(ctx, ctx.pathParams.id);
      assignAccount(account, ctx.params);
      return json(200, accountJson(account));
    }),
  ),
  platformRoute("DELETE", `${BASE}/:id`, (ctx) => {
    const account = findPermissibleAccount(ctx, ctx.pathParams.id);
    ctx.core.jobs.schedule(`delete account ${account.id}`, () => destroyAccount(ctx.core.state, account.id));
    return headOk();
  }),
];
