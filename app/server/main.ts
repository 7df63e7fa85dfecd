import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { InvalidEnvironmentError, parseEnv } from "../env.server";
import type { Server } from "node:http";

/**
 * The app's HTTP server: the production Remix build behind Express, plus the background runtime
 * from the same build. `npm run build` first.
 */
type AppBuild = ServerBuild & { entry: { module: { startRuntime: () => { stop(): Promise<void> } } } };

/** Largest request body any route accepts; the webhook routes check their own, smaller limit. */
const MAX_BODY_BYTES = 2 * 1024 * 1024;

/**
 * Headers every response carries, and the global body limit. Routes that are framed set their own
 * frame-ancestors (the admin pages through Shopify's rules, the order view for the Chatwoot origin).
 */
function hardening(req: express.Request, res: express.Response, next: express.NextFunction) {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("Strict-Transport-Security", "max-age=31536000");
  const length = Number(req.headers["content-length"] ?? 0);
  if (length > MAX_BODY_BYTES) {
    res.status(413).type("text/plain").send("Payload Too Large");
    return;
  }
  next();
}

export async function startAppServer({ port, host = "0.0.0.0" }: { port: number; host?: string }) {
  const root = path.resolve(import.meta.dirname, "../..");
  const build = (await import(path.join(root, "build/server/index.js"))) as AppBuild;
  const app = express();
  app.disable("x-powered-by");
  app.use(hardening);
  app.use("/assets", express.static(path.join(root, "build/client/assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(root, "build/client"), { maxAge: "1h" }));
  app.all("*", createRequestHandler({ build }));
  const runtime = build.entry.module.startRuntime();
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(port, host, () => resolve(s));
  });
  return {
    server,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runtime.stop();
    },
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  // Check the whole environment before anything starts, and say everything that is wrong at once.
  try {
    parseEnv(process.env);
  } catch (error) {
    if (!(error instanceof InvalidEnvironmentError)) throw error;
    console.error(error.message);
    process.exit(78); // EX_CONFIG
  }
  const port = Number(process.env.PORT || 3000);
  const { close } = await startAppServer({ port });
  console.log(JSON.stringify({ level: "info", msg: "app listening", port }));
  const shutdown = () => void close().then(() => process.exit(0));
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}
