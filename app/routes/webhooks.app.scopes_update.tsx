import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { db } from "~/db.server";
import { updateSessionScope } from "~/models/session.server";
import { authenticate } from "~/shopify.server";

const payloadSchema = z.object({ current: z.array(z.string()) });

export async function action({ request }: ActionFunctionArgs) {
  const { payload, session } = await authenticate.webhook(request);
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success) return new Response("Malformed payload", { status: 400 });
  if (session) await updateSessionScope(db(), { id: session.id, scope: parsed.data.current.join(",") });
  return new Response();
}
