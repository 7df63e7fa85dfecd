import { z } from "zod";
import type { Db } from "~/db.server";
import { enqueueTask } from "~/jobs/tasks.server";
import type { JobQueue } from "~/jobs/types";
import { findCustomerByEmail, getCustomer } from "~/models/customer.server";
import { saveTierThresholds } from "~/models/tier-settings.server";
import { tierThresholdsSchema } from "./tiers";

export type SyncActionResult =
  { ok: true; message: string } | { ok: false; errors: Record<string, string | undefined> };

const formSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("replay"), jobId: z.string().min(1) }),
  z.object({
    intent: z.literal("resync"),
    customer: z.string().trim().min(1, "Enter a customer id or e-mail address"),
  }),
  z.object({ intent: z.literal("tiers") }).loose(),
]);

/** The Sync page's forms: replay a dead job, resync one customer, save the tier thresholds. */
export function syncAdminActionsFactory(deps: { db: Db; queue: Pick<JobQueue, "enqueue" | "replay"> }) {
  return async function syncAdminAction(shop: string, form: Record<string, unknown>): Promise<SyncActionResult> {
    const parsed = formSchema.safeParse(form);
    if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
    const input = parsed.data;
    if (input.intent === "replay") {
      const replayed = await deps.queue.replay(input.jobId, { shop });
      return replayed
        ? { ok: true, message: "Queued again" }
        : { ok: false, errors: { jobId: "That job is no longer in the dead letter" } };
    }
    if (input.intent === "resync") {
      const customer = /^\d+$/.test(input.customer)
        ? await getCustomer(deps.db, { shop, customerId: input.customer })
        : await findCustomerByEmail(deps.db, { shop, email: input.customer });
      if (!customer || customer.deletedAt)
        return { ok: false, errors: { customer: "No customer with that id or e-mail address in this store" } };
      await enqueueTask(
        deps.queue,
        "customer.resync",
        { shop, customerId: customer.customerId },
        { shop, coalesceKey: `resync:${shop}:${customer.customerId}` },
      );
      return { ok: true, message: `Resync of customer ${customer.customerId} queued` };
    }
    const thresholds = tierThresholdsSchema.safeParse(form);
    if (!thresholds.success) return { ok: false, errors: fieldErrors(thresholds.error) };
    await saveTierThresholds(deps.db, { shop }, thresholds.data);
    await enqueueTask(deps.queue, "shop.resync-contacts", { shop }, { shop, coalesceKey: `resync-all:${shop}` });
    return { ok: true, message: "Tiers saved; contacts are being updated" };
  };
}

function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return errors;
}
