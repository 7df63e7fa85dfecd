import type { BrowserContext, Page } from "playwright-core";
import { sdkCalls, type SdkCall } from "../fakes/chatwoot/widget-sdk";
import type { StorefrontHarness } from "./storefront-harness";

/** Records, in the page, what a shopper's browser would notice: layout shifts and Chatwoot's error events. */
export const OBSERVE_PAGE = `
  window.__layoutShift = 0;
  window.__chatwootErrors = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__layoutShift += entry.value;
  }).observe({ type: "layout-shift", buffered: true });
  addEventListener("chatwoot:error", (e) => window.__chatwootErrors.push(e.detail));
`;

export interface SeenResponse {
  url: string;
  headers: string;
  body: string;
}

/** Every response the context receives, bodies included (frames and beacons too); await the result before closing. */
export function recordResponses(context: BrowserContext, into: SeenResponse[]): () => Promise<void> {
  const pending: Promise<void>[] = [];
  context.on("response", (response) => {
    const headers = JSON.stringify(response.headers());
    const read = response.body().then(
      (body) => void into.push({ url: response.url(), headers, body: body.toString("utf8") }),
      // Redirects and aborted requests have no body to read.
      () => void into.push({ url: response.url(), headers, body: "" }),
    );
    pending.push(read);
  });
  return async () => void (await Promise.all(pending));
}

/** URLs a page requested from the store's Chatwoot. */
export function chatwootRequests(page: Page, harness: Pick<StorefrontHarness, "chatwootUrl">): string[] {
  const seen: string[] = [];
  page.on("request", (request) => {
    if (request.url().startsWith(harness.chatwootUrl)) seen.push(request.url());
  });
  return seen;
}

type Maybe<T> = T | undefined | null | false;

export async function eventually<T>(
  read: () => Maybe<T> | Promise<Maybe<T>>,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The stand-in SDK's calls for the harness's inbox. */
export function sdkCallsOf(harness: StorefrontHarness): SdkCall[] {
  return sdkCalls(harness.sim.state).filter((c) => c.websiteToken === harness.workspace.inbox.channel.websiteToken);
}

/** setUser calls that reached Chatwoot's set_user endpoint, with Chatwoot's verdict. */
export function setUserCalls(harness: StorefrontHarness) {
  return harness.sim.state.widgetCalls.filter((c) => c.kind === "set_user");
}

export async function openChat(page: Page): Promise<void> {
  await page.locator("#cw-embed button").click();
  await page.locator(".woot-widget-holder:not(.woot--hide)").waitFor({ state: "visible" });
}
