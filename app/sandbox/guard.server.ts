import { env } from "~/env.server";

/** The sandbox's demo store; sandbox routes do not exist outside the sandbox. */
export function requireSandboxShop(): string {
  const shop = env().SANDBOX_SHOP;
  if (!shop) throw new Response("Not Found", { status: 404 });
  return shop;
}
