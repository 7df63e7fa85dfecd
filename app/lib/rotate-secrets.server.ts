import type { Db } from "~/db.server";
import { cipherKeyId, decryptSecret, encryptSecret, type KeyRing } from "./crypto.server";

/**
 * Re-encrypts every secret at rest under the first (active) key: the stores' service tokens and
 * inbox secrets, and the Shopify offline and refresh tokens. After it ran, keys other than the first
 * can be removed from ENCRYPTION_KEYS. Returns how many values were rewritten.
 */
export async function rotateSecrets(db: Db, keys: KeyRing): Promise<{ rewritten: number; alreadyCurrent: number }> {
  const active = keys[0]!.id;
  let rewritten = 0;
  let alreadyCurrent = 0;
  const reseal = (cipher: string | null): string | null => {
    if (!cipher) return cipher;
    if (cipherKeyId(cipher) === active && cipher.startsWith("v1.")) {
      alreadyCurrent += 1;
      return cipher;
    }
    rewritten += 1;
    // A value written before encryption was on (a plaintext token) is sealed as it is.
    return encryptSecret(cipher.startsWith("v1.") ? decryptSecret(cipher, keys) : cipher, keys);
  };
  for (const row of await db.chatwootAccount.findMany()) {
    const serviceTokenCipher = reseal(row.serviceTokenCipher);
    const hmacTokenCipher = reseal(row.hmacTokenCipher);
    await db.chatwootAccount.update({ where: { shop: row.shop }, data: { serviceTokenCipher, hmacTokenCipher } });
  }
  for (const row of await db.session.findMany({ select: { id: true, accessToken: true, refreshToken: true } })) {
    await db.session.update({
      where: { id: row.id },
      data: { accessToken: reseal(row.accessToken)!, refreshToken: reseal(row.refreshToken) },
    });
  }
  return { rewritten, alreadyCurrent };
}
