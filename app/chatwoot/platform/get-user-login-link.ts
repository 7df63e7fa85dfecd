import { userLoginLinkSchema } from "../schemas";
import type { CallOptions, PlatformDeps, UserLoginLink } from "../types";

/**
 * A single-sign-on link into the Chatwoot dashboard as this user, for an "Open Chatwoot"
 * button without a password. The token in it lives 5 minutes: fetch it on click, never
 * store or log it.
 */
export function getUserLoginLinkFactory({ transport }: PlatformDeps) {
  return async function getUserLoginLink(userId: number, options: CallOptions = {}): Promise<UserLoginLink> {
    return transport.request({
      method: "GET",
      path: `/platform/api/v1/users/${userId}/login`,
      schema: userLoginLinkSchema,
      signal: options.signal,
    });
  };
}
