import {
  claimProvisioning,
  ensureProvisioning,
  finishProvisioning,
  renewProvisioningLease,
  saveProvisioningStep,
} from "~/models/provisioning.server";
import { explainError } from "./explain-error.server";
import { createStepContext } from "./step-context.server";
import { PROVISIONING_STEPS } from "./steps.server";
import type { ProvisioningDeps } from "./types";

export type RunOutcome = "provisioned" | "failed" | "busy";

/**
 * Runs every step for one store under a database lease. Returns "busy" without doing anything when
 * another run (this or another instance) holds the lease. A failed step stops the run and keeps
 * its merchant-readable reason; everything done so far stays recorded for the next run.
 */
export function runProvisioningFactory(deps: ProvisioningDeps) {
  const { db, logger, instanceId } = deps;
  const leaseMs = deps.leaseMs ?? 60_000;
  const now = deps.now ?? (() => new Date());

  return async function runProvisioning(shop: string): Promise<RunOutcome> {
    await ensureProvisioning(db, { shop });
    const owner = `${instanceId}:${Math.random().toString(36).slice(2, 10)}`;
    if (!(await claimProvisioning(db, { shop }, { owner, leaseMs, now: now() }))) return "busy";
    const log = logger.child({ shop, owner });
    const started = Date.now();
    for (const step of PROVISIONING_STEPS) {
      await saveProvisioningStep(db, { shop, step: step.name }, { status: "pending", reason: null, detail: null });
    }
    let leaseLost = false;
    let currentStep: string = PROVISIONING_STEPS[0]!.name;
    // Keep the lease while a slow step (Chatwoot retries) runs, so nobody takes it over.
    const heartbeat = setInterval(
      () => {
        renewProvisioningLease(db, { shop }, { owner, leaseMs, currentStep, now: now() })
          .then((held) => (leaseLost ||= !held))
          .catch((error: unknown) => log.warn("lease renewal failed", { error }));
      },
      Math.max(1000, Math.floor(leaseMs / 3)),
    );
    try {
      for (const step of PROVISIONING_STEPS) {
        currentStep = step.name;
        if (leaseLost || !(await renewProvisioningLease(db, { shop }, { owner, leaseMs, currentStep, now: now() }))) {
          log.warn("provisioning lease taken over; stopping this run", { step: step.name });
          return "busy";
        }
        await saveProvisioningStep(
          db,
          { shop, step: step.name },
          { status: "running", startedAt: now(), attempt: true },
        );
        try {
          await step.run(createStepContext(shop, deps, step.name));
        } catch (error) {
          const { reason, detail } = explainError(error, deps.config.chatwootPublicUrl);
          await saveProvisioningStep(
            db,
            { shop, step: step.name },
            { status: "failed", reason, detail, finishedAt: now() },
          );
          await finishProvisioning(db, { shop }, { owner, status: "failed", now: now() });
          log.error("provisioning step failed", { step: step.name, detail });
          return "failed";
        }
        await saveProvisioningStep(db, { shop, step: step.name }, { status: "done", finishedAt: now() });
        log.debug("provisioning step done", { step: step.name });
      }
      await finishProvisioning(db, { shop }, { owner, status: "provisioned", now: now() });
      log.info("store provisioned", { ms: Date.now() - started });
      await deps
        .onProvisioned?.(shop)
        .catch((error: unknown) => log.error("after-provisioning hook failed", { error }));
      return "provisioned";
    } finally {
      clearInterval(heartbeat);
    }
  };
}
