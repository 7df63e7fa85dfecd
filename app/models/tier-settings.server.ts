import type { Db } from "~/db.server";
import { DEFAULT_TIER_THRESHOLDS, tierThresholdsSchema, type TierThresholds } from "~/sync/tiers";

export async function getTierThresholds(db: Db, { shop }: { shop: string }): Promise<TierThresholds> {
  const row = await db.tierSettings.findUnique({ where: { shop } });
  if (!row) return DEFAULT_TIER_THRESHOLDS;
  const parsed = tierThresholdsSchema.safeParse(JSON.parse(row.thresholds));
  return parsed.success ? parsed.data : DEFAULT_TIER_THRESHOLDS;
}

export function saveTierThresholds(db: Db, { shop }: { shop: string }, thresholds: TierThresholds) {
  const value = JSON.stringify(thresholds);
  return db.tierSettings.upsert({
    where: { shop },
    create: { shop, thresholds: value },
    update: { thresholds: value },
  });
}
