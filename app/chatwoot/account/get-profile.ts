import { profileSchema } from "../schemas";
import type { AccountDeps, CallOptions, Profile } from "../types";

/**
 * The user behind the token, with the accounts and roles it holds. A cheap way to check
 * that a stored user token still works (401 otherwise; a platform token is a 401 here too).
 */
export function getProfileFactory({ transport }: AccountDeps) {
  return async function getProfile(options: CallOptions = {}): Promise<Profile> {
    // Not under /accounts/{id}: the profile belongs to the user, not to the account.
    return transport.request({ method: "GET", path: "/api/v1/profile", schema: profileSchema, signal: options.signal });
  };
}
