import { z } from "zod";
import { railsError } from "./errors";
import { type Reply, reasonPhrase } from "./http";
import { throttledReply } from "./rate-limit";
import type { ActiveFault, FaultControls, FaultMatch, FaultSpec } from "./types";

/** nginx's stock error page, what a proxy in front of Puma answers while Rails is down. */
function nginxPage(status: number): string {
  const title = `${status} ${reasonPhrase(status)}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

/** The answer of a `status` or `rateLimit` fault. */
export function faultReply(spec: FaultSpec): Reply {
  if (spec.kind === "rateLimit") return throttledReply();
  if (spec.kind !== "status") throw new Error(`fault ${spec.kind} has no reply`);
  const headers = { ...(spec.headers ?? {}) };
  if (spec.body === undefined) {
    if ([502, 503, 504].includes(spec.status)) {
      return {
        status: spec.status,
        headers: { "content-type": "text/html", ...headers },
        body: nginxPage(spec.status),
      };
    }
    const rails = railsError(spec.status);
    return { ...rails, headers: { ...rails.headers, ...headers } };
  }
  const isText = typeof spec.body === "string";
  const contentType = spec.contentType ?? (isText ? "text/plain" : "application/json; charset=utf-8");
  const body = typeof spec.body === "string" ? spec.body : JSON.stringify(spec.body);
  return { status: spec.status, headers: { "content-type": contentType, ...headers }, body };
}

function matches(match: FaultMatch | undefined, method: string, path: string): boolean {
  if (match?.method && match.method.toUpperCase() !== method) return false;
  if (match?.path === undefined) return true;
  if (typeof match.path === "string") return match.path === path;
  match.path.lastIndex = 0;
  return match.path.test(path);
}

/** Injected failures, checked in insertion order before rate limiting and routing. */
export class FaultRegistry implements FaultControls {
  private readonly active: ActiveFault[] = [];
  private sequence = 0;

  add(spec: FaultSpec): ActiveFault {
    const times = spec.times ?? 1;
    if (!(times > 0)) throw new Error("fault.times must be positive");
    const fault: ActiveFault = { id: ++this.sequence, spec, remaining: times, toSkip: spec.skip ?? 0, hits: 0 };
    this.active.push(fault);
    return fault;
  }

  clear(): void {
    this.active.length = 0;
  }

  list(): readonly ActiveFault[] {
    return this.active;
  }

  /** Consumes what this request meets: every matching latency, then the first other matching fault. */
  take(method: string, path: string): { latencyMs: number; terminal?: ActiveFault } {
    let latencyMs = 0;
    let terminal: ActiveFault | undefined;
    for (const fault of [...this.active]) {
      if (!matches(fault.spec.match, method, path)) continue;
      if (fault.toSkip > 0) {
        fault.toSkip -= 1;
        continue;
      }
      if (fault.spec.kind === "latency") latencyMs += fault.spec.ms;
      else if (terminal) continue;
      else terminal = fault;
      this.consume(fault);
    }
    return { latencyMs, terminal };
  }

  private consume(fault: ActiveFault): void {
    fault.hits += 1;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.active.splice(this.active.indexOf(fault), 1);
  }
}

const matchSchema = z
  .object({ method: z.string().optional(), path: z.string().optional(), pathRegex: z.string().optional() })
  .optional();
const common = {
  match: matchSchema,
  times: z.union([z.number().positive(), z.null()]).optional(),
  skip: z.number().int().nonnegative().optional(),
};
const faultSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("status"),
    status: z.number().int().min(100).max(599),
    body: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
    contentType: z.string().optional(),
    headers: z.record(z.string(), z.string()).optional(),
    ...common,
  }),
  z.object({ kind: z.literal("latency"), ms: z.number().nonnegative(), ...common }),
  z.object({ kind: z.literal("timeout"), ...common }),
  z.object({ kind: z.literal("rateLimit"), ...common }),
  z.object({ kind: z.literal("reset"), ...common }),
  z.object({ kind: z.literal("drop"), ...common }),
]);

/**
 * A fault sent to `POST /__sim/faults` as JSON: `match.pathRegex` stands in for a RegExp, and
 * `times: null` means Infinity (JSON has neither).
 */
export function parseFaultJson(input: unknown): { ok: true; spec: FaultSpec } | { ok: false; issues: unknown } {
  const parsed = faultSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues };
  const { match, times, ...rest } = parsed.data;
  const path = match?.pathRegex !== undefined ? new RegExp(match.pathRegex) : match?.path;
  const spec = {
    ...rest,
    match: match ? { method: match.method, path } : undefined,
    times: times === null ? Number.POSITIVE_INFINITY : times,
  } as FaultSpec;
  return { ok: true, spec };
}

/** A fault as JSON (RegExp paths shown by their source). */
export function faultJson(fault: ActiveFault) {
  const path = fault.spec.match?.path;
  return {
    id: fault.id,
    remaining: Number.isFinite(fault.remaining) ? fault.remaining : null,
    hits: fault.hits,
    spec: { ...fault.spec, match: { ...fault.spec.match, path: path instanceof RegExp ? path.source : path } },
  };
}
