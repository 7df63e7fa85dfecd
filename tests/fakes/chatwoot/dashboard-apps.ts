import { appNotFound } from "./errors";
import { json, noContent } from "./http";
import { idParam, isObject, type Params, requireParam, textParam } from "./params";
import { removeWhere } from "./state";
import { accountRoute, type AccountCtx, type Route } from "./router";
import type { DashboardAppRecord } from "./types";
import { FieldErrors } from "./validation";
import { dashboardAppJson } from "./views-contact";

const BASE = "/api/v1/accounts/:account_id/dashboard_apps";

/** `permit(content: [:url, :type])`: only hashes survive, and only those two keys in them. */
function permittedContent(value: unknown): DashboardAppRecord["content"] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter(isObject).map((item) => {
    const kept: Params = {};
    if (item.url !== undefined) kept.url = item.url;
    if (item.type !== undefined) kept.type = item.type;
    return kept as DashboardAppRecord["content"][number];
  });
}

/** The model's JSON schema: a non-empty list of `{type: "frame", url: "http(s)://…"}`. */
function contentIsValid(content: unknown): boolean {
  if (!Array.isArray(content) || content.length === 0) return false;
  return content.every((item) => {
    if (!isObject(item) || item.type !== "frame" || typeof item.url !== "string") return false;
    if (!/^https?:\/\//.test(item.url)) return false;
    return URL.canParse(item.url);
  });
}

function assignAndValidate(draft: DashboardAppRecord, input: Params, contentGiven: boolean): void {
  const title = textParam(input, "title");
  if (title !== undefined) draft.title = title ?? "";
  const content = contentGiven ? permittedContent(input.content) : draft.content;
  const errors = new FieldErrors();
  if (draft.title.trim() === "") errors.add("title", "can't be blank");
  if (!contentIsValid(content)) errors.add("content", ": Invalid data");
  errors.throwIfAny();
  draft.content = content ?? [];
}

function findApp(ctx: AccountCtx): DashboardAppRecord {
  const id = idParam(ctx.pathParams.id);
  const app = ctx.core.state.dashboardApps.find((a) => a.id === id && a.accountId === ctx.account.id);
  if (!app) throw appNotFound();
  return app;
}

/** No policy: any member of the account, agent or administrator, may change these. */
export const dashboardAppRoutes: Route[] = [
  accountRoute("GET", BASE, (ctx) => {
    const apps = ctx.core.state.dashboardApps.filter((a) => a.accountId === ctx.account.id);
    return json(200, apps.map(dashboardAppJson));
  }),
  accountRoute("GET", `${BASE}/:id`, (ctx) => json(200, dashboardAppJson(findApp(ctx)))),
  accountRoute("POST", BASE, (ctx) => {
    const input = requireParam(ctx.params, ctx.json, "dashboard_app", ["title", "content"]);
    const draft: DashboardAppRecord = {
      id: 0,
      accountId: ctx.account.id,
      userId: ctx.user.id,
      title: "",
      content: [],
      createdAt: ctx.core.now(),
    };
    assignAndValidate(draft, input, true);
    draft.id = ctx.core.state.nextId("dashboardApps");
    ctx.core.state.dashboardApps.push(draft);
    return json(200, dashboardAppJson(draft));
  }),
  ...["PATCH", "PUT"].map((method) =>
    accountRoute(method, `${BASE}/:id`, (ctx) => {
      const app = findApp(ctx);
      const input = requireParam(ctx.params, ctx.json, "dashboard_app", ["title", "content"]);
      const draft = { ...app };
      assignAndValidate(draft, input, "content" in input);
      Object.assign(app, draft);
      return json(200, dashboardAppJson(app));
    }),
  ),
  accountRoute("DELETE", `${BASE}/:id`, (ctx) => {
    const app = findApp(ctx);
    removeWhere(ctx.core.state.dashboardApps, (a) => a.id === app.id);
    return noContent();
  }),
];
