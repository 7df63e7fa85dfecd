import { createHash } from "node:crypto";

/** How jbuilder renders a Rails time: ISO 8601 with milliseconds, UTC. */
export function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

/** Unix seconds, as the contact and conversation views render times. */
export function unix(ms: number): number;
export function unix(ms: number | null): number | null;
export function unix(ms: number | null): number | null {
  return ms === null ? null : Math.floor(ms / 1000);
}

/** Avatar URL Chatwoot derives for a user without an uploaded avatar. */
export function gravatar(email: string): string {
  const digest = createHash("md5").update(email.trim().toLowerCase()).digest("hex");
  return `https://www.gravatar.com/avatar/${digest}?d=404`;
}

/** Ruby's ERB::Util.url_encode: everything but unreserved characters is escaped. */
export function urlEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Deep merge where the right side wins (Ruby's Hash#deep_merge). */
export function deepMerge(left: Record<string, unknown>, right: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...left };
  for (const [key, value] of Object.entries(right)) {
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value;
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
