import { platformUserSchema } from "../schemas";
import type { CallOptions, CreateUserInput, PlatformDeps, PlatformUser } from "../types";

/**
 * Creates a confirmed user (no email is sent) and returns it with its `access_token`, the
 * credential every Application API call for the store will use.
 *
 * If the email already exists anywhere on the installation, Chatwoot returns that user
 * unchanged (name and password ignored) and grants our platform app access to it. Use an
 * email unique per store that we control.
 */
export function createUserFactory({ transport }: PlatformDeps) {
  return async function createUser(input: CreateUserInput, options: CallOptions = {}): Promise<PlatformUser> {
    return transport.request({
      method: "POST",
      path: "/platform/api/v1/users",
      body: input,
      schema: platformUserSchema,
      // Safe to replay: the lookup by email means a second POST returns the user the first
      // one created instead of creating another.
      idempotent: true,
      signal: options.signal,
    });
  };
}
