import type { PlatformUser } from "~/chatwoot/types";

/** The Chatwoot user attribute that names the store whose install created the user. */
const CREATED_FOR_STORE = "shopify_store";

/**
 * The custom attributes a user is created with. Chatwoot keeps the attributes of a user that
 * already existed (the create call hands that user back unchanged), so only a user this store's
 * install created carries its name.
 */
export function createdForStore(shop: string): Record<string, string> {
  return { [CREATED_FOR_STORE]: shop };
}

/** Whether this store's install created the user (see createdForStore). */
export function wasCreatedForStore(user: Pick<PlatformUser, "custom_attributes">, shop: string): boolean {
  return user.custom_attributes?.[CREATED_FOR_STORE] === shop;
}
