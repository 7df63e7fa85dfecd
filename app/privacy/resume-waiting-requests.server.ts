import { z } from "zod";
import type { Db } from "~/db.server";
import { enqueueTask } from "~/jobs/tasks.server";
import type { JobQueue } from "~/jobs/types";
import type { Logger } from "~/lib/logger.server";
import { listWaitingComplianceRequests } from "~/models/compliance.server";
import { getShop } from "~/models/shop.server";

const resumeSchemas = {
  "customers/redact": z.object({ customerId: z.string().regex(/^\d+$/), email: z.string().nullable() }),
  "customers/data_request": z.object({ customerId: z.string().regex(/^\d+$/) }),
};

/**
 * The store is provisioned again after an uninstall: the customer redactions and exports that waited
 * for its Chatwoot account run now. Each job's key names the install it resumes for: the first job's
 * key may still be remembered as done, and a second pass for the same install (another queued
 * shop.sync-pending) must not queue the same request twice.
 */
export function resumeWaitingRequestsFactory(deps: { db: Db; queue: Pick<JobQueue, "enqueue">; logger: Logger }) {
  return async function resumeWaitingRequests(shop: string): Promise<number> {
    const store = await getShop(deps.db, { shop });
    if (!store || store.uninstalledAt) return 0;
    const install = store.installedAt.getTime();
    let resumed = 0;
    for (const request of await listWaitingComplianceRequests(deps.db, { shop })) {
      const key = `compliance:${request.webhookId}:resumed:${install}`;
      const stored = safeJson(request.resumeWith);
      if (request.topic === "customers/redact") {
        const input = resumeSchemas["customers/redact"].safeParse(stored);
        if (!input.success) continue;
        const payload = { shop, webhookId: request.webhookId, ...input.data };
        await enqueueTask(deps.queue, "privacy.redact-customer", payload, { shop, key });
        resumed += 1;
      } else if (request.topic === "customers/data_request") {
        const input = resumeSchemas["customers/data_request"].safeParse(stored);
        if (!input.success) continue;
        const payload = { shop, webhookId: request.webhookId, ...input.data };
        await enqueueTask(deps.queue, "privacy.export-customer", payload, { shop, key });
        resumed += 1;
      }
    }
    if (resumed) deps.logger.info("privacy requests resumed after reinstall", { shop, resumed });
    return resumed;
  };
}

function safeJson(text: string | null): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}
