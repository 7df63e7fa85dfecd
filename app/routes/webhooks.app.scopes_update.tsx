import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { recordGrantedScopes, verifyWebhook } from "~/shopify.server";

const payloadSchema = z.object({ current: z.array(z.string()) });

export async function action({ request }: ActionFunctionArgs) {
  const { shop, payload } = await verifyWebhook(request);
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success) return new Response("Malformed payload", { status: 400 });
  await recordGrantedScopes(shop, parsed.data.current);
  return new Response();
}
