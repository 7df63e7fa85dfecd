import { HttpFailure, html, json, reasonPhrase, type Reply } from "./http";

/** Messages Chatwoot puts in `{"error": ...}` bodies, word for word. */
export const MESSAGES = {
  invalidPlatformToken: "Invalid access_token",
  invalidUserToken: "Invalid Access Token",
  botsNotAllowed: "Access to this endpoint is not authorized for bots",
  notMember: "You are not authorized to access this account",
  suspended: "Account is suspended",
  nonPermissible: "Non permissible resource",
  forbiddenAction: "You are not authorized to do this action",
  notFound: "Resource could not be found",
  limitExceeded: "Account limit exceeded. Upgrade to a higher plan",
  hmacFailed: "HMAC failed: Invalid Identifier Hash Provided",
  searchWithoutQuery: "Specify search string with parameter q",
  // devise_token_auth answers a request with no token header at all in its own shape.
  signInRequired: "You need to sign in or sign up before continuing.",
} as const;

/** 401 `{"error": message}` (RequestExceptionHandler#render_unauthorized and friends). */
export function unauthorized(message: string): HttpFailure {
  return new HttpFailure(json(401, { error: message }));
}

/** 404 of the Application and widget APIs. */
export function appNotFound(): HttpFailure {
  return new HttpFailure(json(404, { error: MESSAGES.notFound }));
}

/**
 * What Rails' exception app renders for an unrescued error on a JSON route: 404 for
 * RecordNotFound in the Platform API, 400 for an unparsable body, 500 for a bad enum value.
 */
export function railsError(status: number): Reply {
  return json(status, { status, error: reasonPhrase(status) });
}

export function railsFailure(status: number): HttpFailure {
  return new HttpFailure(railsError(status));
}

/** 422 `{"error": message}`: a missing required param or a filter error. */
export function unprocessable(message: string): HttpFailure {
  return new HttpFailure(json(422, { error: message }));
}

/** ActionController::ParameterMissing as Chatwoot's handler renders it (Rails 7.1 wording). */
export function parameterMissing(name: string): HttpFailure {
  return unprocessable(`param is missing or the value is empty: ${name}`);
}

export function paymentRequired(): HttpFailure {
  return new HttpFailure(json(402, { error: MESSAGES.limitExceeded }));
}

/** Rails' static 404 page, for paths no route matches. */
export function routingNotFound(): Reply {
  const page = [
    "<!DOCTYPE html>",
    "<html><head><title>The page you were looking for doesn't exist (404)</title></head>",
    "<body><h1>The page you were looking for doesn't exist.</h1>",
    "<p>You may have mistyped the address or the page may have moved.</p></body></html>",
  ].join("\n");
  return html(404, page);
}
