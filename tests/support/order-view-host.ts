import { createServer } from "node:http";
import { freePort } from "./processes";

/**
 * Stand-ins for the pages around the order view in browser tests: Chatwoot's conversation page (its
 * dashboard-app frame answers fetch-info the way Chatwoot's Frame.vue does) and a hostile frame that
 * posts a forged context to its sibling. Each is served by its own loopback server, so each really is
 * another origin to the browser (Chromium's local-network checks refuse made-up public hosts that
 * frame localhost).
 */
export interface HostOrigin {
  origin: string;
  /** The HTML every path of this origin answers with from now on. */
  serve(html: string): void;
  stop(): Promise<void>;
}

export async function startHostOrigin(): Promise<HostOrigin> {
  let html = "<!DOCTYPE html><title>empty</title>";
  const server = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
    res.end(html);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${port}`,
    serve: (next) => void (html = next),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function chatwootPage({
  frameUrl,
  context,
  evilFrameUrl,
}: {
  frameUrl: string;
  context?: unknown;
  evilFrameUrl?: string;
}) {
  const json = JSON.stringify(context ?? null).replace(/</g, "\\u003c");
  return `<!DOCTYPE html><html><body style="margin:0">
<iframe id="dashboard-app" src="${frameUrl}" style="display:block;width:100%;height:900px;border:0"></iframe>
${evilFrameUrl ? `<iframe id="other-app" src="${evilFrameUrl}" style="width:10px;height:10px"></iframe>` : ""}
<script>
window.sent = 0;
const frame = document.getElementById("dashboard-app");
const context = ${json};
window.sendContext = (value = context) => { window.sent++; frame.contentWindow.postMessage(JSON.stringify(value), "*"); };
if (context) {
  frame.addEventListener("load", () => window.sendContext());
  window.addEventListener("message", (e) => {
    if (e.source === frame.contentWindow && e.data === "chatwoot-dashboard-app:fetch-info") window.sendContext();
  });
}
</script></body></html>`;
}

/** A frame on the same Chatwoot page that keeps posting a forged context to the order view (frame 0). */
export function evilFrame(context: unknown) {
  return `<!DOCTYPE html><html><body><script>
const forged = ${JSON.stringify(JSON.stringify(context))};
setInterval(() => { try { window.parent.frames[0].postMessage(forged, "*"); } catch (e) {} }, 50);
</script></body></html>`;
}
