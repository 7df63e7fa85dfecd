import type { IncomingHttpHeaders } from "node:http";
import type { SimCore } from "./core";
import type { Reply } from "./http";
import type { Params } from "./params";
import type { AccountRecord, AccountUserRecord, InboxRecord, PlatformAppRecord, UserRecord } from "./types";

/** A request before authentication and before its body is parsed. */
export interface RequestCtx {
  core: SimCore;
  method: string;
  path: string;
  /** Raw query string without the "?". */
  search: string;
  query: Params;
  headers: IncomingHttpHeaders;
  ip: string;
  /** `api_access_token` (or `api-access-token`); null when absent or blank. */
  token: string | null;
  rawBody: Buffer;
  pathParams: Record<string, string>;
}

/** After the body was read: Rails params are body, then query, then path params on top. */
export interface ParsedCtx extends RequestCtx {
  params: Params;
  json: boolean;
}

export interface PlatformCtx extends ParsedCtx {
  app: PlatformAppRecord;
}

export interface UserCtx extends ParsedCtx {
  user: UserRecord;
}

export interface AccountCtx extends UserCtx {
  account: AccountRecord;
  accountUser: AccountUserRecord;
}

export interface WidgetCtx extends ParsedCtx {
  inbox: InboxRecord;
  account: AccountRecord;
}

type Handler<C> = (ctx: C) => Reply | Promise<Reply>;
interface RouteBase {
  method: string;
  pattern: string;
}

/** Scope decides the authentication: platform token, user token (+ account membership), website token, none. */
export type Route =
  | (RouteBase & { scope: "platform"; handler: Handler<PlatformCtx> })
  | (RouteBase & { scope: "user"; handler: Handler<UserCtx> })
  | (RouteBase & { scope: "account"; handler: Handler<AccountCtx> })
  | (RouteBase & { scope: "widget"; handler: Handler<WidgetCtx> })
  | (RouteBase & { scope: "public"; handler: Handler<ParsedCtx> });

export const platformRoute = (method: string, pattern: string, handler: Handler<PlatformCtx>): Route => ({
  scope: "platform",
  method,
  pattern,
  handler,
});
export const userRoute = (method: string, pattern: string, handler: Handler<UserCtx>): Route => ({
  scope: "user",
  method,
  pattern,
  handler,
});
export const accountRoute = (method: string, pattern: string, handler: Handler<AccountCtx>): Route => ({
  scope: "account",
  method,
  pattern,
  handler,
});
export const widgetRoute = (method: string, pattern: string, handler: Handler<WidgetCtx>): Route => ({
  scope: "widget",
  method,
  pattern,
  handler,
});
export const publicRoute = (method: string, pattern: string, handler: Handler<ParsedCtx>): Route => ({
  scope: "public",
  method,
  pattern,
  handler,
});

interface CompiledRoute {
  route: Route;
  regex: RegExp;
  names: string[];
}

/** First match wins, so list static segments (`contacts/search`) before `contacts/:id`. */
export class Router {
  private readonly table: CompiledRoute[];

  constructor(routes: readonly Route[]) {
    this.table = routes.map((route) => {
      const names: string[] = [];
      const source = route.pattern.replace(/:(\w+)/g, (_, name: string) => {
        names.push(name);
        return "([^/]+)";
      });
      return { route, regex: new RegExp(`^${source}/?$`), names };
    });
  }

  match(method: string, path: string): { route: Route; pathParams: Record<string, string> } | undefined {
    for (const entry of this.table) {
      if (entry.route.method !== method) continue;
      const found = entry.regex.exec(path);
      if (!found) continue;
      const pathParams: Record<string, string> = {};
      entry.names.forEach((name, i) => (pathParams[name] = decodeURIComponent(found[i + 1] ?? "")));
      return { route: entry.route, pathParams };
    }
    return undefined;
  }
}
