import { parameterMissing, railsFailure } from "./errors";
import type { JsonObject } from "./types";

export type Params = JsonObject;

export interface ParsedBody {
  params: Params;
  /** True for `Content-Type: application/json`: only then does Rails wrap flat bodies. */
  json: boolean;
}

/**
 * Reads a request body the way Rack and Rails do: JSON only under a JSON content type
 * (malformed → 400), form encoding with `a[b][]=` nesting, anything else ignored.
 */
export function parseBody(raw: Buffer, contentType: string | undefined): ParsedBody {
  const mime = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (mime === "application/json" || mime.endsWith("+json")) {
    const source = raw.toString("utf8");
    if (source.trim() === "") return { params: {}, json: true };
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch {
      throw railsFailure(400);
    }
    // Rails puts a non-object JSON body under `_json`.
    return { params: isObject(value) ? value : { _json: value }, json: true };
  }
  if (mime === "application/x-www-form-urlencoded") return { params: parseNested(raw.toString("utf8")), json: false };
  return { params: {}, json: false };
}

/** Rack's nested query parser, reduced to `a=1`, `a[b]=1` and `a[]=1`. */
export function parseNested(source: string): Params {
  const out: Params = {};
  for (const [rawKey, value] of new URLSearchParams(source)) {
    const head = /^[^[]+/.exec(rawKey)?.[0];
    if (!head) continue;
    const path = [head, ...[...rawKey.slice(head.length).matchAll(/\[([^\]]*)\]/g)].map((m) => m[1] ?? "")];
    assign(out, path, value);
  }
  return out;
}

function assign(target: Params, path: string[], value: string): void {
  const [key, next, ...rest] = path;
  if (key === undefined) return;
  if (next === undefined) {
    target[key] = value;
  } else if (next === "") {
    const list = Array.isArray(target[key]) ? (target[key] as unknown[]) : [];
    list.push(value);
    target[key] = list;
  } else {
    const child = isObject(target[key]) ? (target[key] as Params) : {};
    target[key] = child;
    assign(child, [next, ...rest], value);
  }
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A permitted scalar as a Rails string column sees it: undefined when absent or not a
 * scalar (strong params drop it), null for null, numbers and booleans stringified.
 */
export function textParam(params: Params, key: string): string | null | undefined {
  const value = params[key];
  if (value === null) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

/** ActiveModel's boolean cast: "0", "f", "false", "off" are false, "" is nil. */
export function boolParam(params: Params, key: string): boolean | null | undefined {
  const value = params[key];
  if (value === undefined) return undefined;
  if (value === null || value === "") return null;
  if (typeof value === "boolean") return value;
  return !["0", "f", "false", "off", "F", "FALSE", "OFF"].includes(String(value));
}

export function hashParam(params: Params, key: string): JsonObject | undefined {
  const value = params[key];
  return isObject(value) ? value : undefined;
}

/** ActiveRecord's integer cast of an id: "12abc" finds 12, "abc" finds nothing. */
export function idParam(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isInteger(value) ? value : undefined;
  if (typeof value !== "string") return undefined;
  const parsed = Number.parseInt(value, 10);
  return Number.isNaN(parsed) ? undefined : parsed;
}

export function blankToNull(value: string | null | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  return value === null || value.trim() === "" ? null : value;
}

/** Rails' `params.require(name)`: with a JSON body the flat keys are wrapped under `name`. */
export function requireParam(params: Params, json: boolean, name: string, keys: readonly string[]): Params {
  let value = params[name];
  if (value === undefined && json) {
    const wrapped: Params = {};
    for (const key of keys) if (key in params) wrapped[key] = params[key];
    value = wrapped;
  }
  if (!isObject(value) || Object.keys(value).length === 0) throw parameterMissing(name);
  return value;
}
