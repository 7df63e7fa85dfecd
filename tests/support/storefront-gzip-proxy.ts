import { createServer, request as forward, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";

/** Text responses worth compressing, as nginx or a CDN in front of Chatwoot would. */
const COMPRESSIBLE = /^(text\/|application\/(json|javascript))/;

export function gzipIfAccepted(req: IncomingMessage, contentType: string | undefined, body: Buffer) {
  const accepts = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
  if (!accepts || !COMPRESSIBLE.test(contentType ?? "") || body.length < 256) return { body, headers: {} };
  const zipped = gzipSync(body, { level: 6 });
  return {
    body: zipped,
    headers: { "content-encoding": "gzip", "content-length": String(zipped.length), vary: "Accept-Encoding" },
  };
}

/**
 * A reverse proxy that gzips what it forwards. The simulator answers uncompressed; a real
 * Chatwoot sits behind a server that compresses, and a benchmark should see those bytes.
 * Listen first (so the simulator can be told its public URL), then `target` it.
 */
export async function startGzipProxy(): Promise<{ url: string; target(origin: string): void; close(): Promise<void> }> {
  let upstream: URL | undefined;
  const server: Server = createServer((req, res) => {
    if (!upstream) return void res.writeHead(503).end();
    const headers = { ...req.headers, host: upstream.host };
    delete headers["accept-encoding"];
    const outgoing = forward(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on("data", (chunk: Buffer) => chunks.push(chunk));
        answer.on("end", () => {
          const { body, headers: extra } = gzipIfAccepted(req, answer.headers["content-type"], Buffer.concat(chunks));
          res.writeHead(answer.statusCode ?? 502, {
            ...answer.headers,
            "content-length": String(body.length),
            ...extra,
          });
          res.end(body);
        });
      },
    );
    outgoing.on("error", () => res.writeHead(502).end());
    req.pipe(outgoing);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    target: (origin) => void (upstream = new URL(origin)),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
