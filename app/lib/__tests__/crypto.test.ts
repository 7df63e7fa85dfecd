import { randomBytes } from "node:crypto";
import { decryptSecret, encryptSecret, SecretDecryptionError } from "~/lib/crypto.server";

const k1 = { id: "k1", key: randomBytes(32) };
const k2 = { id: "k2", key: randomBytes(32) };

describe("secrets at rest", () => {
  it("round-trips a secret and never stores the plaintext", () => {
    // WHEN
    const cipher = encryptSecret("super-secret-token", [k1]);
    // THEN
    expect(cipher).not.toContain("super-secret-token");
    expect(cipher.startsWith("v1.k1.")).toBe(true);
    expect(decryptSecret(cipher, [k1])).toBe("super-secret-token");
  });

  it("uses a fresh IV, so the same secret encrypts differently each time", () => {
    expect(encryptSecret("same", [k1])).not.toBe(encryptSecret("same", [k1]));
  });

  it("decrypts with an older key after a new key became active", () => {
    // GIVEN
    const old = encryptSecret("token", [k1]);
    // WHEN the ring is rotated: k2 encrypts, k1 still decrypts
    const ring = [k2, k1];
    // THEN
    expect(decryptSecret(old, ring)).toBe("token");
    expect(encryptSecret("token", ring).startsWith("v1.k2.")).toBe(true);
  });

  it("refuses a ciphertext whose key is gone or whose bytes were changed", () => {
    // GIVEN
    const cipher = encryptSecret("token", [k1]);
    const parts = cipher.split(".");
    parts[4] = Buffer.from("tampered").toString("base64url");
    // THEN
    expect(() => decryptSecret(cipher, [k2])).toThrow(SecretDecryptionError);
    expect(() => decryptSecret(parts.join("."), [k1])).toThrow(SecretDecryptionError);
    expect(() => decryptSecret("plaintext", [k1])).toThrow(SecretDecryptionError);
  });
});
