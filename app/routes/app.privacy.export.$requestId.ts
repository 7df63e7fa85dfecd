import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { getDataExport } from "~/models/compliance.server";
import { authenticate } from "~/shopify.server";

/** A data-request export as a JSON download; only the store it belongs to can fetch it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session } = await authenticate.admin(request);
  const found = await getDataExport(db(), { shop: session.shop, requestId: params.requestId ?? "" });
  if (!found) throw new Response("Not Found", { status: 404 });
  return new Response(found.content, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="customer-data-${found.requestId}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
