import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { authenticate, logger } from "~/shopify.server";

// customers/data_request, customers/redact and shop/redact. They arrive without an admin session
// (shop/redact comes 48 hours after uninstall), so nothing here depends on one.
const payloadSchema = z.object({ shop_domain: z.string().min(1) });

export async function action({ request }: ActionFunctionArgs) {
  const { topic, shop, webhookId, payload } = await authenticate.webhook(request);
  if (!payloadSchema.safeParse(payload).success) return new Response("Malformed payload", { status: 400 });
  logger.info("compliance request received", { shop, topic, webhookId });
  return new Response();
}
