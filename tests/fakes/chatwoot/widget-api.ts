import { appNotFound, MESSAGES, unauthorized } from "./errors";
import { HttpFailure, json, type Reply } from "./http";
import { hashParam, type Params, textParam } from "./params";
import { type Route, type WidgetCtx, widgetRoute } from "./router";
import { identifierHash } from "./tokens";
import type { ContactRecord, WidgetCallRecord } from "./types";
import { identifyContact, openWidgetSession, resumeWidgetSession, type WidgetSession } from "./widget-identify";

const PERMITTED = ["identifier", "identifier_hash", "email", "name", "avatar_url", "phone_number"];

/** `params.permit(...)` of the widget contacts controller. */
function permitted(params: Params): Params {
  const out: Params = {};
  for (const key of PERMITTED) if (params[key] !== undefined) out[key] = params[key];
  for (const key of ["custom_attributes", "additional_attributes"]) {
    const hash = hashParam(params, key);
    if (hash) out[key] = hash;
  }
  return out;
}

/** Api::V1::Widget::BaseController#set_contact: no valid `X-Auth-Token` means no contact (404). */
function currentSession(ctx: WidgetCtx): WidgetSession {
  const header = ctx.headers["x-auth-token"];
  const session = resumeWidgetSession(ctx.core, ctx.inbox, Array.isArray(header) ? header[0] : header);
  if (!session) throw appNotFound();
  return session;
}

/**
 * Checked when an identifier_hash is sent or the inbox has hmac_mandatory, except for a call that
 * only carries custom_attributes and no identifier. The comparison is a plain string equality
 * with the lowercase hex digest, so an uppercase hash fails.
 */
function hmacCheck(ctx: WidgetCtx, params: Params): { required: boolean; valid: boolean } {
  const hash = textParam(params, "identifier_hash");
  const identifier = textParam(params, "identifier");
  if (!hash && !ctx.inbox.channel.hmacMandatory) return { required: false, valid: false };
  if (params.custom_attributes !== undefined && !identifier) return { required: false, valid: false };
  const valid = hash === identifierHash(ctx.inbox.channel.hmacToken, identifier ?? "");
  return { required: true, valid };
}

function contactSummary(contact: ContactRecord, widgetAuthToken?: string) {
  return {
    id: contact.id,
    name: contact.name,
    email: contact.email,
    phone_number: contact.phoneNumber,
    ...(widgetAuthToken ? { widget_auth_token: widgetAuthToken } : {}),
  };
}

/** Runs a widget contact call and records it, failed or not, in `state.widgetCalls`. */
function recorded(kind: WidgetCallRecord["kind"], run: (ctx: WidgetCtx, call: WidgetCallRecord) => Reply) {
  return (ctx: WidgetCtx): Reply => {
    const call: WidgetCallRecord = {
      kind,
      websiteToken: ctx.inbox.channel.websiteToken,
      inboxId: ctx.inbox.id,
      params: permitted(ctx.params),
      status: 500,
      contactId: null,
      hmacVerified: false,
      at: ctx.core.now(),
    };
    ctx.core.state.widgetCalls.push(call);
    try {
      const reply = run(ctx, call);
      call.status = reply.status;
      return reply;
    } catch (error) {
      if (error instanceof HttpFailure) call.status = error.reply.status;
      throw error;
    }
  };
}

export const widgetApiRoutes: Route[] = [
  widgetRoute(
    "PATCH",
    "/api/v1/widget/contact/set_user",
    recorded("set_user", (ctx, call) => {
      let session = currentSession(ctx);
      const params = permitted(ctx.params);
      const hmac = hmacCheck(ctx, params);
      if (hmac.required && !hmac.valid) throw unauthorized(MESSAGES.hmacFailed);
      // Already identified as someone else: start a fresh session (the raw param is compared,
      // so a numeric identifier never equals the stored string).
      const switching = session.contact.identifier !== null && session.contact.identifier !== params.identifier;
      if (switching) session = openWidgetSession(ctx.core, ctx.inbox);
      if (hmac.required && hmac.valid) session.link.hmacVerified = true;
      const contact = identifyContact(ctx.core, session.contact, params);
      call.contactId = contact.id;
      call.hmacVerified = session.link.hmacVerified;
      return json(200, contactSummary(contact, switching ? session.token : undefined));
    }),
  ),
  // setCustomAttributes and friends: the same identify/merge logic, and no HMAC check at all.
  widgetRoute(
    "PATCH",
    "/api/v1/widget/contact",
    recorded("update", (ctx, call) => {
      const session = currentSession(ctx);
      const contact = identifyContact(ctx.core, session.contact, permitted(ctx.params));
      call.contactId = contact.id;
      call.hmacVerified = session.link.hmacVerified;
      return json(200, contactSummary(contact));
    }),
  ),
];
