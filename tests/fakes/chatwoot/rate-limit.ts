import type { IncomingMessage } from "node:http";
import type { Reply } from "./http";

/** rack-attack's default throttled answer; Chatwoot does not override it and sends no Retry-After. */
export function throttledReply(): Reply {
  return { status: 429, headers: { "content-type": "text/plain" }, body: "Retry later\n" };
}

/**
 * rack-attack's fixed window: the counter key includes `floor(now / period)`, so the window
 * resets on the minute boundary, and every request (throttled ones too) increments it.
 */
class FixedWindow {
  private readonly counts = new Map<string, { window: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly now: () => number,
    private readonly periodMs = 60_000,
  ) {}

  /** Counts a request; true when it is over the limit. */
  hit(key: string): boolean {
    const window = Math.floor(this.now() / this.periodMs);
    const entry = this.counts.get(key);
    const count = entry && entry.window === window ? entry.count + 1 : 1;
    this.counts.set(key, { window, count });
    return count > this.limit;
  }

  clear(): void {
    this.counts.clear();
  }
}

const SEARCH_PATH = /\/api\/v1\/accounts\/(\d+)\/contacts\/search/;

/** The two throttles the app can meet: `req/ip` on everything, contact search per account. */
export class RateLimiter {
  private readonly perIp: FixedWindow;
  private readonly search: FixedWindow;

  constructor(limits: { perMinute: number; searchPerMinute: number }, now: () => number) {
    this.perIp = new FixedWindow(limits.perMinute, now);
    this.search = new FixedWindow(limits.searchPerMinute, now);
  }

  /** Returns the 429 to send, or undefined to let the request through. */
  check(ip: string, path: string): Reply | undefined {
    const overGlobal = this.perIp.hit(ip);
    const account = SEARCH_PATH.exec(path)?.[1];
    const overSearch = account !== undefined && this.search.hit(account);
    return overGlobal || overSearch ? throttledReply() : undefined;
  }

  clear(): void {
    this.perIp.clear();
    this.search.clear();
  }
}

const TRUSTED = [
  /^127\./,
  /^::1$/,
  /^10\./,
  /^192\.168\./,
  /^172\.(1[6-9]|2\d|3[01])\./,
  /^f[cd][0-9a-f]{2}:/i,
  /^localhost$/,
];

function isTrusted(ip: string): boolean {
  return TRUSTED.some((re) => re.test(ip));
}

export function normalizeIp(ip: string | undefined): string {
  return (ip ?? "unknown").replace(/^::ffff:/, "");
}

/**
 * Rack's `request.ip`: behind a trusted (loopback or private) peer, the last untrusted
 * X-Forwarded-For entry wins. Tests use that header to act as several clients.
 */
export function clientIp(req: IncomingMessage): string {
  const remote = normalizeIp(req.socket.remoteAddress);
  const header = req.headers["x-forwarded-for"];
  const forwarded = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((s) => normalizeIp(s.trim()))
    .filter(Boolean);
  if (!isTrusted(remote) || forwarded.length === 0) return remote;
  return forwarded.filter((ip) => !isTrusted(ip)).at(-1) ?? forwarded[0] ?? remote;
}

export function isLoopback(req: IncomingMessage): boolean {
  const remote = normalizeIp(req.socket.remoteAddress);
  return /^127\./.test(remote) || remote === "::1";
}
