import type { ActionFunctionArgs } from "@remix-run/node";
import { ingestWebhook } from "~/shopify.server";

// orders/create: verified, parsed, recorded and enqueued here; the worker updates the projection and the
// store's Chatwoot contact.
export const action = ({ request }: ActionFunctionArgs) => ingestWebhook(request, "orders/create");
