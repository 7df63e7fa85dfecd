import type { Browser, Page, Request } from "playwright-core";

/** One page load, measured the way a storefront performance audit would. */
export interface PageMeasure {
  /** The HTML document's gzip body bytes. */
  documentBytes: number;
  /** Every response (headers + encoded bodies) before any interaction. */
  bytesBefore: number;
  requestsBefore: number;
  chatwootRequestsBefore: number;
  chatwootBytesBefore: number;
  longTasks: number;
  longTaskMs: number;
  /** Total blocking time: long-task time over 50 ms each, from first contentful paint to TTI. */
  tbt: number;
  /** Time to interactive, Lighthouse's definition: after FCP, the start of the first 5 s window with no long task and at most 2 requests in flight. */
  tti: number;
  /** From the click on the launcher to the chat window showing. */
  openMs: number;
  bytesOnOpen: number;
}

interface Seen {
  url: string;
  phase: "before" | "open";
  start: number;
  end?: number;
  bytes: number;
  bodyBytes: number;
}

const OBSERVE_LONG_TASKS = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: "longtask", buffered: true });
`;

// The stand-in SDK's call log for tests; not something Chatwoot's SDK requests.
const isBookkeeping = (url: string) => url.includes("/sdk-stand-in/");

async function quiet(seen: Seen[], page: Page, forMs: number, capMs = 30_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    const busy = seen.filter((r) => r.end === undefined).length;
    const last = Math.max(0, ...seen.map((r) => r.end ?? Date.now()));
    if (busy === 0 && Date.now() - last >= forMs) return;
    if (Date.now() - started > capMs) return;
    await page.waitForTimeout(100);
  }
}

function timeToInteractive(
  fcp: number,
  tasks: { start: number; duration: number }[],
  requests: Seen[],
  origin: number,
) {
  const spans = requests.map((r) => ({ start: r.start - origin, end: (r.end ?? Infinity) - origin }));
  const candidates = [fcp, ...tasks.map((t) => t.start + t.duration).filter((end) => end > fcp)].sort((a, b) => a - b);
  for (const at of candidates) {
    const windowEnd = at + 5000;
    if (tasks.some((t) => t.start < windowEnd && t.start + t.duration > at)) continue;
    let calm = true;
    for (let t = at; t < windowEnd && calm; t += 50) calm = spans.filter((s) => s.start <= t && s.end > t).length <= 2;
    if (calm) return at;
  }
  return candidates.at(-1) ?? fcp;
}

export async function measurePage(
  browser: Browser,
  url: string,
  chatwootUrl: string,
  launcher: string | null,
): Promise<PageMeasure> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  await context.addInitScript(OBSERVE_LONG_TASKS);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  const seen: Seen[] = [];
  const byRequest = new Map<Request, Seen>();
  let phase: Seen["phase"] = "before";
  page.on("request", (request) => {
    if (isBookkeeping(request.url())) return;
    const entry: Seen = { url: request.url(), phase, start: Date.now(), bytes: 0, bodyBytes: 0 };
    byRequest.set(request, entry);
    seen.push(entry);
  });
  const finish = async (request: Request) => {
    const entry = byRequest.get(request);
    if (!entry) return;
    const sizes = await request.sizes().catch(() => undefined);
    const timing = request.timing();
    entry.bodyBytes = sizes?.responseBodySize ?? 0;
    entry.bytes = entry.bodyBytes + (sizes?.responseHeadersSize ?? 0);
    entry.start = timing.startTime > 0 ? timing.startTime : entry.start;
    entry.end = timing.responseEnd > 0 ? timing.startTime + timing.responseEnd : Date.now();
  };
  page.on("requestfinished", (request) => void finish(request));
  page.on("requestfailed", (request) => void finish(request));

  await page.goto(url, { waitUntil: "load" });
  await quiet(seen, page, 5000);
  const perf = await page.evaluate(() => ({
    origin: performance.timeOrigin,
    fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? 0,
    tasks: (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks,
  }));
  const before = seen.filter((r) => r.phase === "before");
  const fromChatwoot = before.filter((r) => r.url.startsWith(chatwootUrl));
  const tti = timeToInteractive(perf.fcp, perf.tasks, before, perf.origin);

  let openMs = 0;
  if (launcher) {
    phase = "open";
    const clicked = Date.now();
    await page.locator(launcher).click();
    await page.locator(".woot-widget-holder:not(.woot--hide)").waitFor({ state: "visible", timeout: 60_000 });
    openMs = Date.now() - clicked;
    await quiet(seen, page, 2000);
  }
  await context.close();
  const sum = (rows: Seen[], key: "bytes" | "bodyBytes") => rows.reduce((total, r) => total + r[key], 0);
  return {
    documentBytes: before.find((r) => r.url === url)?.bodyBytes ?? 0,
    bytesBefore: sum(before, "bytes"),
    requestsBefore: before.length,
    chatwootRequestsBefore: fromChatwoot.length,
    chatwootBytesBefore: sum(fromChatwoot, "bytes"),
    longTasks: perf.tasks.length,
    longTaskMs: perf.tasks.reduce((total, t) => total + t.duration, 0),
    tbt: perf.tasks
      .filter((t) => t.start >= perf.fcp && t.start < tti)
      .reduce((total, t) => total + Math.max(0, t.duration - 50), 0),
    tti,
    openMs,
    bytesOnOpen: sum(
      seen.filter((r) => r.phase === "open"),
      "bytes",
    ),
  };
}
