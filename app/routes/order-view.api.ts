import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { orderView } from "~/shopify.server";

/**
 * The order view's JSON API, called by the page with `Authorization: Bearer <token>`.
 *
 *   GET  /order-view/api?contact=<Chatwoot contact id>&account=<Chatwoot account id>&page=<n>
 *   POST /order-view/api  {"intent":"resync","contact":…,"account":…}   → 202, queues customer.resync
 */
export const loader = ({ request }: LoaderFunctionArgs) => orderView.read(request);

export const action = ({ request }: ActionFunctionArgs) => orderView.resync(request);
