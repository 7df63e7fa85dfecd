import { createHmac, randomUUID } from "node:crypto";

/**
 * A Shopify admin session token (the `id_token` App Bridge gives an embedded app): an HS256 JWT
 * signed with the app's secret. The sandbox uses it to open the embedded app the way the Shopify
 * admin does, which runs the real token exchange and afterAuth.
 */
export function signSessionToken({
  shop,
  apiKey,
  apiSecret,
  userId = "1",
}: {
  shop: string;
  apiKey: string;
  apiSecret: string;
  userId?: string;
}) {
  const now = Math.floor(Date.now() / 1000);
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const header = encode({ alg: "HS256", typ: "JWT" });
  const payload = encode({
    iss: `https://${shop}/admin`,
    dest: `https://${shop}`,
    aud: apiKey,
    sub: userId,
    exp: now + 60,
    nbf: now - 5,
    iat: now - 5,
    jti: randomUUID(),
    sid: randomUUID(),
  });
  const signature = createHmac("sha256", apiSecret).update(`${header}.${payload}`).digest("base64url");
  return `${header}.${payload}.${signature}`;
}

/** The `host` parameter Shopify adds to embedded app URLs. */
export function adminHostParam(shop: string): string {
  return Buffer.from(`admin.shopify.com/store/${shop.replace(/\.myshopify\.com$/, "")}`).toString("base64url");
}
