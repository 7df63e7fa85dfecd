import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * AES-256-GCM for secrets at rest. A ciphertext names the key that made it
 * (`v1.<keyId>.<iv>.<tag>.<data>`, base64url parts), so keys can rotate: the first key
 * encrypts, any listed key decrypts.
 */
export type KeyRing = readonly { id: string; key: Buffer }[];

export class SecretDecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretDecryptionError";
  }
}

export function encryptSecret(plaintext: string, keys: KeyRing): string {
  const active = keys[0];
  if (!active) throw new Error("no encryption key configured");
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", active.key, iv);
  cipher.setAAD(Buffer.from(active.id));
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), data].map((b) => b.toString("base64url"));
  return ["v1", active.id, ...parts].join(".");
}

export function decryptSecret(ciphertext: string, keys: KeyRing): string {
  const [version, keyId, iv, tag, data] = ciphertext.split(".");
  if (version !== "v1" || !keyId || !iv || !tag || data === undefined) {
    throw new SecretDecryptionError("not a ciphertext this app wrote");
  }
  const entry = keys.find((k) => k.id === keyId);
  if (!entry) throw new SecretDecryptionError(`encryption key "${keyId}" is not configured`);
  try {
    const decipher = createDecipheriv("aes-256-gcm", entry.key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(keyId));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretDecryptionError(`ciphertext does not verify under key "${keyId}"`);
  }
}

/** The key id a ciphertext was written with. */
export function cipherKeyId(ciphertext: string): string | undefined {
  return ciphertext.split(".")[1];
}
