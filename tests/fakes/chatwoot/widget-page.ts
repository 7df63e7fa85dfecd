import type { SimCore } from "./core";
import { MESSAGES, routingNotFound, unauthorized } from "./errors";
import { urlEncode } from "./format";
import { html, json, type Reply, text } from "./http";
import { textParam } from "./params";
import { publicRoute, type ParsedCtx, type Route } from "./router";
import type { InboxRecord } from "./types";
import { openWidgetSession, resumeWidgetSession } from "./widget-identify";
import { sdkScript } from "./widget-sdk";
import { userJson } from "./views-platform";

/** JSON inside a <script> must not be able to close the tag. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

/** `allowed_domains` becomes CSP frame-ancestors; blank means frameable anywhere. */
function frameHeaders(inbox: InboxRecord): Record<string, string> {
  const domains = inbox.channel.allowedDomains
    .split(",")
    .map((d) => d.trim())
    .filter(Boolean);
  return domains.length ? { "content-security-policy": `frame-ancestors ${domains.join(" ")}` } : {};
}

/**
 * WidgetsController#index: resumes the visitor from `cw_conversation` or creates a new anonymous
 * contact, and hands the iframe its auth token. The page is a stand-in, not Chatwoot's Vue app.
 */
function widgetPage(ctx: ParsedCtx): Reply {
  const { core } = ctx;
  const websiteToken = textParam(ctx.params, "website_token");
  const inbox = websiteToken ? core.state.inboxes.find((i) => i.channel.websiteToken === websiteToken) : undefined;
  const account = inbox && core.state.accounts.find((a) => a.id === inbox.accountId);
  if (!inbox || !account) return routingNotFound();
  if (account.status !== "active") throw unauthorized(MESSAGES.suspended);
  const resumed = resumeWidgetSession(core, inbox, textParam(ctx.params, "cw_conversation") ?? undefined);
  const session = resumed ?? openWidgetSession(core, inbox);
  const channel = {
    websiteToken: inbox.channel.websiteToken,
    widgetColor: inbox.channel.widgetColor,
    welcomeTitle: inbox.channel.welcomeTitle,
    welcomeTagline: inbox.channel.welcomeTagline,
    replyTime: inbox.channel.replyTime,
    hmacMandatory: inbox.channel.hmacMandatory,
    inboxName: inbox.name,
  };
  const page = [
    "<!DOCTYPE html>",
    '<html lang="en"><head><meta charset="utf-8"><title>Chatwoot widget (simulated)</title></head>',
    `<body data-website-token="${inbox.channel.websiteToken}" data-contact-id="${session.contact.id}">`,
    `<script>window.chatwootWebChannel = ${scriptJson(channel)};`,
    `window.authToken = ${scriptJson(session.token)};</script>`,
    `<main id="app"><h1>${escapeHtml(inbox.channel.welcomeTitle ?? inbox.name)}</h1></main>`,
    '<script src="/packs/js/widget.js"></script>',
    "</body></html>",
  ].join("\n");
  return html(200, page, frameHeaders(inbox));
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A `/users/{id}/login` link works once, for five minutes. */
function takeSsoToken(
  core: SimCore,
  email: string | null | undefined,
  token: string | null | undefined,
  consume: boolean,
) {
  const user = email ? core.state.users.find((u) => u.email === email.toLowerCase()) : undefined;
  const entry = user && core.state.ssoTokens.find((t) => t.userId === user.id && t.token === token);
  if (!user || !entry || entry.usedAt !== null || entry.expiresAt < core.now()) return undefined;
  if (consume) entry.usedAt = core.now();
  return user;
}

export const widgetPageRoutes: Route[] = [
  publicRoute("GET", "/widget", widgetPage),
  publicRoute("GET", "/packs/js/sdk.js", (ctx) => {
    const script = sdkScript(ctx.core);
    return script === undefined ? routingNotFound() : text(200, script, "text/javascript; charset=utf-8");
  }),
  // The dashboard SPA shell; it would post the SSO token to /auth/sign_in. The page says whether that will work.
  publicRoute("GET", "/app/login", (ctx) => {
    const email = textParam(ctx.params, "email");
    const user = takeSsoToken(ctx.core, email, textParam(ctx.params, "sso_auth_token"), false);
    const state = user ? "valid" : "invalid";
    const body = `<!DOCTYPE html><html><body data-sso="${state}" data-email="${urlEncode(email ?? "")}">Chatwoot dashboard (simulated)</body></html>`;
    return html(200, body);
  }),
  publicRoute("POST", "/auth/sign_in", (ctx) => {
    const user = takeSsoToken(ctx.core, textParam(ctx.params, "email"), textParam(ctx.params, "sso_auth_token"), true);
    if (!user) return json(401, { success: false, errors: ["Invalid login credentials. Please try again."] });
    return json(200, { data: userJson(ctx.core, user) });
  }),
];
