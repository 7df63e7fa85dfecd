/**
 * A loopback HTTP server that answers like a self-hosted Chatwoot v4.10.1 for every endpoint the
 * app calls (reference/chatwoot-facts.md), including its error bodies and quirks. Each request
 * goes: control API (`/__sim/`) → request log → injected faults → rack-attack throttles →
 * routing (Rails' HTML 404 when nothing matches) → authentication in Chatwoot's before_action
 * order → handler.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { dispatch } from "./auth";
import { handleControl } from "./control";
import { createCore, resetCore, type SimCore } from "./core";
import { railsError, routingNotFound } from "./errors";
import { FaultRegistry, faultReply } from "./faults";
import { HttpFailure, type Reply } from "./http";
import { parseNested } from "./params";
import { clientIp, isLoopback, RateLimiter } from "./rate-limit";
import type { RequestCtx } from "./router";
import { router } from "./routes";
import { createSeeders, type SeedConversationInput, type SeedHelpers } from "./seed";
import type { SimulatorState } from "./state";
import type { ChatwootSimulatorOptions, ConversationRecord, FaultControls, RequestLogEntry } from "./types";

export interface ChatwootSimulator {
  /** Origin of the server, e.g. http://127.0.0.1:41234 (no trailing slash). */
  readonly url: string;
  /** The first platform app token. */
  readonly platformToken: string;
  readonly platformTokens: readonly string[];
  /** Live, read-only tables and logs. */
  readonly state: SimulatorState;
  readonly faults: FaultControls;
  readonly seed: SeedHelpers;
  /** Shortcut for `seed.conversation`. */
  seedConversation(input: SeedConversationInput): ConversationRecord;
  /** Runs queued deletions now instead of after `accountDeleteDelayMs`. */
  drainJobs(): void;
  /** Empties every table, log, fault and rate-limit window; platform apps stay. */
  reset(): void;
  stop(): Promise<void>;
}

interface Runtime {
  core: SimCore;
  faults: FaultRegistry;
  limiter: RateLimiter;
  seed: SeedHelpers;
  reset(): void;
}

export async function startChatwootSimulator(options: ChatwootSimulatorOptions = {}): Promise<ChatwootSimulator> {
  const core = createCore(options);
  const faults = new FaultRegistry();
  const limiter = new RateLimiter(
    { perMinute: core.rateLimitPerMinute, searchPerMinute: core.contactSearchPerMinute },
    core.now,
  );
  const runtime: Runtime = {
    core,
    faults,
    limiter,
    seed: createSeeders(core),
    reset() {
      resetCore(core);
      faults.clear();
      limiter.clear();
    },
  };
  const server = createServer((req, res) => {
    handle(runtime, req, res).catch((error: unknown) => {
      core.log("simulator error", { error: String(error) });
      if (!res.headersSent && !res.destroyed) send(res, railsError(500));
    });
  });
  const url = await listen(server, options.port ?? 0, options.host ?? "127.0.0.1");
  core.publicUrl = (options.publicUrl ?? url).replace(/\/+$/, "");
  return {
    url,
    platformToken: core.platformTokens[0] as string,
    platformTokens: core.platformTokens,
    state: core.state,
    faults,
    seed: runtime.seed,
    seedConversation: (input) => runtime.seed.conversation(input),
    drainJobs: () => core.jobs.drain(),
    reset: () => runtime.reset(),
    stop: () => close(server, core),
  };
}

async function handle(runtime: Runtime, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { core } = runtime;
  const rawBody = await readBody(req);
  const url = new URL(req.url ?? "/", "http://simulator.invalid");
  const method = (req.method ?? "GET").toUpperCase();
  const path = url.pathname;
  if (path === "/__sim" || path.startsWith("/__sim/")) {
    send(res, handleControl(runtime, method, path, rawBody, isLoopback(req)));
    return;
  }
  const token = accessToken(req);
  const ip = clientIp(req);
  const entry: RequestLogEntry = { method, path, query: url.search.slice(1), status: null, token, ip, at: core.now() };
  core.state.requests.push(entry);

  const { latencyMs, terminal } = runtime.faults.take(method, path);
  if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs).unref());
  const kind = terminal?.spec.kind;
  if (kind) entry.fault = kind;
  if (kind === "timeout") return; // never answered; stop() closes the socket
  if (kind === "reset") {
    req.socket.resetAndDestroy();
    return;
  }
  let reply: Reply;
  if (terminal && kind !== "drop") {
    reply = faultReply(terminal.spec);
  } else {
    const search = url.search.slice(1);
    const ctx = { core, method, path, search, query: parseNested(search), headers: req.headers, ip, token, rawBody };
    reply = runtime.limiter.check(ip, path) ?? (await route(ctx));
  }
  if (kind === "drop") {
    // The work is done (and stays done); only the answer is lost.
    entry.droppedStatus = reply.status;
    req.socket.resetAndDestroy();
    return;
  }
  entry.status = reply.status;
  send(res, reply);
  core.log("request", { method, path, status: reply.status, ip });
}

/** Finds the route, authenticates and runs it; any HttpFailure thrown on the way is the answer. */
async function route(ctx: Omit<RequestCtx, "pathParams">): Promise<Reply> {
  // Rails answers HEAD through the GET route (Node drops the body).
  const found = router.match(ctx.method === "HEAD" ? "GET" : ctx.method, ctx.path);
  if (!found) return routingNotFound();
  try {
    return await dispatch(found.route, { ...ctx, pathParams: found.pathParams });
  } catch (error) {
    if (error instanceof HttpFailure) return error.reply;
    ctx.core.log("unexpected error in handler", { path: ctx.path, error: String(error) });
    return railsError(500);
  }
}

/** `api_access_token` (underscores) or `api-access-token`; blank counts as absent. */
function accessToken(req: IncomingMessage): string | null {
  const raw = req.headers["api_access_token"] ?? req.headers["api-access-token"];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value && value.trim() !== "" ? value : null;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.destroyed) return;
  const headers = { ...reply.headers, "content-length": String(Buffer.byteLength(reply.body)) };
  res.writeHead(reply.status, headers);
  res.end(reply.body);
}

function listen(server: Server, port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address() as AddressInfo;
      const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
      resolve(`http://${shownHost === "0.0.0.0" ? "127.0.0.1" : shownHost}:${address.port}`);
    });
  });
}

function close(server: Server, core: SimCore): Promise<void> {
  core.jobs.cancelAll();
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Keep-alive sockets and requests held by a `timeout` fault would otherwise keep it open.
    server.closeAllConnections();
  });
}
