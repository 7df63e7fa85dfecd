import { createPrismaClient } from "../db.server";
import { InvalidEnvironmentError, parseEnv } from "../env.server";
import { rotateSecrets } from "../lib/rotate-secrets.server";

/**
 * `npm run secrets:rotate`: put the new key first in ENCRYPTION_KEYS (keep the old ones after it),
 * run this once, then remove the old keys.
 */
try {
  const env = parseEnv(process.env);
  const db = createPrismaClient(env.DATABASE_URL);
  const result = await rotateSecrets(db, env.ENCRYPTION_KEYS);
  console.log(JSON.stringify({ msg: "secrets re-encrypted", activeKey: env.ENCRYPTION_KEYS[0]!.id, ...result }));
  await db.$disconnect();
} catch (error) {
  console.error(error instanceof InvalidEnvironmentError ? error.message : error);
  process.exit(1);
}
