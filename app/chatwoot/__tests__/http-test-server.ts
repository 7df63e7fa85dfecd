import { createServer } from "node:http";
import type { IncomingHttpHeaders, Server } from "node:http";
import type { AddressInfo } from "node:net";
import { onTestFinished } from "vitest";

/** What the server answers next. An object body is sent as JSON, a string as text/plain. */
export interface QueuedResponse {
  /** (Default: 200) */
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Hold the answer this long, to provoke client timeouts. (Default: 0) */
  delayMs?: number;
}

export interface ReceivedRequest {
  method: string;
  /** Path without the query. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Parsed JSON, or the raw text, or `undefined` when empty. */
  body: unknown;
}

export interface HttpTestServer {
  /** Base URL, e.g. `http://127.0.0.1:54321`. */
  url: string;
  /** Every request received, in order. */
  requests: ReceivedRequest[];
  /** Queues answers, consumed one per request in order. */
  respond(...responses: QueuedResponse[]): void;
}

/**
 * A real HTTP server on a random local port, closed when the current test ends. The test
 * fails if a queued answer was never asked for, or if a request arrived with nothing queued.
 */
export async function startHttpTestServer(): Promise<HttpTestServer> {
  const queue: QueuedResponse[] = [];
  const requests: ReceivedRequest[] = [];
  const unexpected: string[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      const text = Buffer.concat(chunks).toString("utf8");
      requests.push({
        method: req.method ?? "",
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: decode(text),
      });
      const next = queue.shift();
      if (!next) {
        unexpected.push(`${req.method} ${url.pathname}`);
        res.writeHead(599).end();
        return;
      }
      const send = () => {
        timers.delete(timer);
        if (res.destroyed) return; // the client gave up (timeout test)
        const isText = typeof next.body === "string";
        const payload = next.body === undefined ? "" : isText ? (next.body as string) : JSON.stringify(next.body);
        const type = isText ? "text/plain" : "application/json; charset=utf-8";
        res
          .writeHead(next.status ?? 200, { ...(payload ? { "Content-Type": type } : {}), ...next.headers })
          .end(payload);
      };
      const timer = setTimeout(send, next.delayMs ?? 0);
      timers.add(timer);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  onTestFinished(async () => {
    for (const timer of timers) clearTimeout(timer);
    await close(server);
    if (unexpected.length > 0) throw new Error(`Requests with no queued response: ${unexpected.join(", ")}`);
    if (queue.length > 0) throw new Error(`${queue.length} queued response(s) were never requested`);
  });

  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, respond: (...responses) => void queue.push(...responses) };
}

/** A local URL nothing listens on, for "connection refused". */
export async function unusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await close(server);
  return `http://127.0.0.1:${port}`;
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}

function decode(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
