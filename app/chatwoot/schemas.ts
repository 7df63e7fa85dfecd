import { z } from "zod";

/**
 * Response schemas, one per endpoint. Only the fields the app reads are required; everything
 * else passes through untouched (`looseObject`), so a Chatwoot upgrade that adds fields never
 * breaks us, and one that drops a field we rely on fails loudly as a ChatwootSchemaError.
 * Ids are numbers everywhere (display ids included).
 */

const id = z.number().int();
const attributes = z.record(z.string(), z.unknown());
/** Chatwoot serialises unset strings as `null`, not as a missing key. */
const maybeString = z.string().nullish();

/** Endpoints that answer 204, or 200 with an empty body / a `{"message"}` we don't need. */
export const emptyResponseSchema = z.unknown().transform((): void => undefined);

// ---------------------------------------------------------------- Platform API

export const platformAccountSchema = z.looseObject({
  id,
  name: z.string(),
  locale: maybeString,
  domain: maybeString,
  support_email: maybeString,
  status: z.string().optional(),
  // Read before PATCH: Chatwoot replaces this hash wholesale and keeps its own keys in it.
  custom_attributes: attributes.nullish(),
  limits: attributes.nullish(),
});

/**
 * Not paginated. Chatwoot never removes the app's permission rows, so a deleted account can
 * come back as `null` (or break the whole list with a 500, see listAccounts).
 */
export const platformAccountListSchema = z.array(platformAccountSchema.nullable());

export const userAccountSchema = z.looseObject({ id, name: z.string().optional(), role: z.string().optional() });

export const platformUserSchema = z.looseObject({
  id,
  name: z.string().optional(),
  email: z.string(),
  display_name: maybeString,
  // The Application API credential of the user; the only reason we create users.
  access_token: z.string(),
  custom_attributes: attributes.nullish(),
  accounts: z.array(userAccountSchema).optional(),
});

export const userLoginLinkSchema = z.looseObject({ url: z.string() });

/** A raw AccountUser row (the Platform API does not render it through a view). */
export const accountUserSchema = z.looseObject({
  id,
  account_id: id,
  user_id: id,
  role: z.string(),
});

export const accountUserListSchema = z.array(accountUserSchema);

// ---------------------------------------------------------------- Application API: profile, inboxes

export const profileSchema = z.looseObject({
  id,
  name: z.string().optional(),
  email: z.string(),
  accounts: z.array(userAccountSchema).optional(),
});

export const inboxSchema = z.looseObject({
  id,
  name: z.string(),
  channel_type: z.string(),
  channel_id: id.optional(),
  website_url: maybeString,
  website_token: maybeString,
  widget_color: maybeString,
  web_widget_script: maybeString,
  hmac_mandatory: z.boolean().nullish(),
  // Present only when the token belongs to an administrator of the account.
  hmac_token: maybeString,
  allowed_domains: maybeString,
});

/** A freshly created web widget always has its public `website_token`. */
export const webWidgetInboxSchema = inboxSchema.extend({ website_token: z.string() });

export const inboxListSchema = z.looseObject({ payload: z.array(inboxSchema) });

// ---------------------------------------------------------------- custom attribute definitions

export const attributeDefinitionSchema = z.looseObject({
  id,
  attribute_key: z.string(),
  attribute_display_name: z.string(),
  // Enums come back as strings (`contact_attribute`, `text`) even when sent as integers.
  attribute_display_type: z.string(),
  attribute_model: z.string(),
  attribute_description: maybeString,
  attribute_values: z.array(z.unknown()).nullish(),
});

export const attributeDefinitionListSchema = z.array(attributeDefinitionSchema);

// ---------------------------------------------------------------- dashboard apps

export const dashboardAppSchema = z.looseObject({
  id,
  title: z.string(),
  content: z.array(z.looseObject({ type: z.string(), url: z.string() })),
});

export const dashboardAppListSchema = z.array(dashboardAppSchema);

// ---------------------------------------------------------------- contacts

export const contactSchema = z.looseObject({
  id,
  name: maybeString,
  email: maybeString,
  phone_number: maybeString,
  identifier: maybeString,
  custom_attributes: attributes.nullish(),
  additional_attributes: attributes.nullish(),
});

/** GET, PATCH and destroy_custom_attributes wrap the contact in `payload`. */
export const contactEnvelopeSchema = z.looseObject({ payload: contactSchema });

/** POST wraps it once more, next to the optional contact_inbox. */
export const createdContactEnvelopeSchema = z.looseObject({
  payload: z.looseObject({ contact: contactSchema, contact_inbox: z.unknown().optional() }),
});

/**
 * One page (15 contacts, not configurable) of search or filter results. `count` is the page's
 * size for search but the total for filter; only search reports `has_more`. `current_page`
 * echoes the `page` query parameter, so it can arrive as a string.
 */
export const contactPageSchema = z.looseObject({
  meta: z.looseObject({
    count: z.number().int(),
    current_page: z.coerce.number().int().optional(),
    has_more: z.boolean().optional(),
  }),
  payload: z.array(contactSchema),
});

// ---------------------------------------------------------------- conversations, messages

export const conversationSchema = z.looseObject({
  // The per-account display id, the one the dashboard and dashboard apps show.
  id,
  inbox_id: id.optional(),
  status: z.string().optional(),
  // hmac_verified is the only proof that the visitor is the customer (see facts 7.4).
  meta: z.looseObject({ hmac_verified: z.boolean().nullish() }).optional(),
});

export const conversationListSchema = z.looseObject({ payload: z.array(conversationSchema) });

export const messageSchema = z.looseObject({
  id,
  content: maybeString,
  // An integer (0 incoming, 1 outgoing, 2 activity, 3 template) or its name, depending on the view.
  message_type: z.union([z.number(), z.string()]).optional(),
  private: z.boolean().optional(),
  created_at: z.union([z.number(), z.string()]).optional(),
});

export const messageListSchema = z.looseObject({
  meta: z.looseObject({}).optional(),
  payload: z.array(messageSchema),
});
