import type { Db } from "~/db.server";
import { getProvisioningStatus, listProvisioningSteps } from "~/models/provisioning.server";
import { PROVISIONING_STEPS } from "./steps.server";
import type { ProvisioningStatus, ProvisioningView } from "./types";

export type { ProvisioningView };

/** What the admin home and the sandbox page show: each step's state and the failure reason. */
export async function getProvisioningView(db: Db, shop: string): Promise<ProvisioningView> {
  const [state, rows] = await Promise.all([getProvisioningStatus(db, { shop }), listProvisioningSteps(db, { shop })]);
  const byName = new Map(rows.map((r) => [r.step, r]));
  const steps = PROVISIONING_STEPS.map((step) => {
    const row = byName.get(step.name);
    const status = (row?.status ?? "pending") as ProvisioningView["steps"][number]["status"];
    return { name: step.name, label: step.label, status, reason: status === "failed" ? (row?.reason ?? null) : null };
  });
  return {
    shop,
    status: (state?.status ?? "pending") as ProvisioningStatus,
    progress: steps.filter((s) => s.status === "done").length / steps.length,
    steps,
    finishedAt: state?.finishedAt?.toISOString() ?? null,
  };
}
