import { readFile } from "node:fs/promises";
import path from "node:path";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireSandboxShop } from "~/sandbox/guard.server";
import { EXTENSION_DIR } from "~/widget/sandbox/render-embed.server";

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".json": "application/json",
};

/** Where the sandbox's `asset_url` points: the extension's assets/ folder, as Shopify's CDN serves it. */
export async function loader({ params }: LoaderFunctionArgs) {
  requireSandboxShop();
  const file = params.file ?? "";
  const type = TYPES[path.extname(file)];
  if (!type || file !== path.basename(file)) throw new Response("Not Found", { status: 404 });
  const body = await readFile(path.join(EXTENSION_DIR, "assets", file)).catch(() => undefined);
  if (!body) throw new Response("Not Found", { status: 404 });
  return new Response(body, {
    headers: { "Content-Type": type, "Cache-Control": "public, max-age=31536000, immutable" },
  });
}
