import { json } from "@remix-run/node";
import { requireSandboxShop } from "~/sandbox/guard.server";
import { provisioning } from "~/shopify.server";

export async function loader() {
  return json(await provisioning.view(requireSandboxShop()), { headers: { "Cache-Control": "no-store" } });
}
