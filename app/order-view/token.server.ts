import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/**
 * The credential in the order-view iframe URL. Chatwoot's dashboard-app context is unsigned and the
 * URL is visible to every agent of the account, so the URL carries a per-store token that the app
 * signed: HMAC-SHA256 over `{ shop, version }`. Bumping the store's version revokes old URLs.
 */
const payloadSchema = z.object({ s: z.string().min(1), v: z.number().int().positive() });

export interface OrderViewTokenPayload {
  shop: string;
  version: number;
}

function sign(body: string, secret: string): string {
  return createHmac("sha256", secret).update(`order-view.${body}`).digest("base64url");
}

export function signOrderViewToken({ shop, version }: OrderViewTokenPayload, secret: string): string {
  const body = Buffer.from(JSON.stringify({ s: shop, v: version })).toString("base64url");
  return `${body}.${sign(body, secret)}`;
}

/** The token's shop and version when the signature holds; undefined for anything else. */
export function readOrderViewToken(token: string, secret: string): OrderViewTokenPayload | undefined {
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined) return undefined;
  const expected = Buffer.from(sign(body, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(body, "base64url").toString("utf8")));
    return parsed.success ? { shop: parsed.data.s, version: parsed.data.v } : undefined;
  } catch {
    return undefined;
  }
}
