import { z } from "zod";

/** The tier names match the `customer_tier` list attribute provisioning defines; only thresholds change. */
export const TIER_NAMES = ["Bronze", "Silver", "Gold", "VIP"] as const;
export const NO_ORDERS_TIER = "New";
export type TierName = (typeof TIER_NAMES)[number];

export type TierThresholds = Record<TierName, number>;

/** Minimum total spent (store currency) for each tier. */
export const DEFAULT_TIER_THRESHOLDS: TierThresholds = { Bronze: 0, Silver: 250, Gold: 1000, VIP: 5000 };

/** An amount from the form (text) or from storage (a number); a blank field is not 0. */
const amount = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
  z.coerce
    .number({ error: "Enter an amount" })
    .refine(Number.isFinite, "Enter an amount")
    .min(0, "Must be 0 or more")
    .max(100_000_000, "Too large"),
);

/** The admin form's thresholds: each a non-negative amount, strictly rising from Bronze to VIP. */
export const tierThresholdsSchema = z
  .object({ Bronze: amount, Silver: amount, Gold: amount, VIP: amount })
  .superRefine((t, ctx) => {
    for (let i = 1; i < TIER_NAMES.length; i++) {
      const name = TIER_NAMES[i]!;
      const below = TIER_NAMES[i - 1]!;
      if (t[name] <= t[below]) ctx.addIssue({ code: "custom", path: [name], message: `Must be more than ${below}` });
    }
  });

export function tierFor(totalSpent: number, orderCount: number, thresholds: TierThresholds): string {
  if (orderCount === 0) return NO_ORDERS_TIER;
  let tier: string = NO_ORDERS_TIER;
  for (const name of TIER_NAMES) if (totalSpent >= thresholds[name]) tier = name;
  return tier;
}
