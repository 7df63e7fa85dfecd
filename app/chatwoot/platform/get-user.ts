import { platformUserSchema } from "../schemas";
import type { CallOptions, PlatformDeps, PlatformUser } from "../types";

/** Reads a user the platform app created (or was granted through `createUser`), token included. */
export function getUserFactory({ transport }: PlatformDeps) {
  return async function getUser(userId: number, options: CallOptions = {}): Promise<PlatformUser> {
    return transport.request({
      method: "GET",
      path: `/platform/api/v1/users/${userId}`,
      schema: platformUserSchema,
      signal: options.signal,
    });
  };
}
