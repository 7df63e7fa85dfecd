/**
 * Chatwoot's `allowed_domains` (comma-separated hosts; it becomes the widget's CSP frame-ancestors,
 * and blank means frameable anywhere) with the store's hosts added. Hosts are only ever added, never
 * removed, so deliveries in any order end the same, and a domain the merchant added stays. A blank
 * list stays blank: the widget is already allowed everywhere. Null when nothing changes.
 */
export function withStoreHosts(current: string | null | undefined, hosts: readonly string[]): string | null {
  const listed = (current ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  if (listed.length === 0) return null;
  const known = new Set(listed.map((h) => h.toLowerCase()));
  const added = hosts.map((h) => h.trim().toLowerCase()).filter((h) => h && !known.has(h) && known.add(h));
  return added.length ? [...listed, ...added].join(",") : null;
}
