import { createHmac, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";

const BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/** Rails' `has_secure_token`: 24 base58 characters (access, website, hmac and pubsub tokens). */
export function secureToken(length = 24): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const byte of bytes) out += BASE58[byte % 58];
  return out;
}

export function uuid(): string {
  return randomUUID();
}

export interface WidgetTokenPayload {
  source_id: string;
  inbox_id: number;
}

/**
 * The widget's `cw_conversation` / `X-Auth-Token`: an HS256 JWT of `{source_id, inbox_id}`
 * signed with the installation secret (Widget::TokenService).
 */
export function signWidgetToken(payload: WidgetTokenPayload, secret: Buffer): string {
  const header = Buffer.from(JSON.stringify({ alg: "HS256", typ: "JWT" })).toString("base64url");
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  const signature = createHmac("sha256", secret).update(`${header}.${body}`).digest("base64url");
  return `${header}.${body}.${signature}`;
}

/** Returns the payload of a token this simulator signed, or undefined (Chatwoot decodes to `{}`). */
export function verifyWidgetToken(token: string | undefined, secret: Buffer): WidgetTokenPayload | undefined {
  const [header, body, signature] = (token ?? "").split(".");
  if (!header || !body || !signature) return undefined;
  const expected = createHmac("sha256", secret).update(`${header}.${body}`).digest();
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const payload: unknown = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
    const p = payload as Partial<WidgetTokenPayload>;
    return typeof p.source_id === "string" && typeof p.inbox_id === "number"
      ? { source_id: p.source_id, inbox_id: p.inbox_id }
      : undefined;
  } catch {
    return undefined;
  }
}

/** The identity hash a storefront sends with setUser: hex HMAC-SHA256(hmac_token, identifier). */
export function identifierHash(hmacToken: string, identifier: string): string {
  return createHmac("sha256", hmacToken).update(identifier).digest("hex");
}
