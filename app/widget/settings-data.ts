import type { EmbedStatus } from "./types";

/** The handle in `shopify://apps/<app>/blocks/chat-embed/<uuid>`; also the activateAppId deep link's. */
export const EMBED_BLOCK_HANDLE = "chat-embed";

interface BlockEntry {
  type?: unknown;
  disabled?: unknown;
  settings?: unknown;
}

/**
 * Reads a theme's `config/settings_data.json` for our app embed. Shopify writes the file with a
 * `/* … *\/` banner in front of the JSON, `current` can name a preset instead of holding the
 * values, and the embed's entry only exists once a merchant switched it on (then off, maybe).
 */
export function embedStatusFromSettingsData(raw: string): EmbedStatus {
  let data: unknown;
  try {
    data = JSON.parse(raw.replace(/^\uFEFF?\s*(\/\*[\s\S]*?\*\/\s*)*/, ""));
  } catch {
    return { state: "unknown", reason: "settings_data.json is not valid JSON" };
  }
  const root = data as { current?: unknown; presets?: Record<string, unknown> };
  const current = typeof root.current === "string" ? root.presets?.[root.current] : root.current;
  const blocks = (current as { blocks?: Record<string, BlockEntry> } | undefined)?.blocks ?? {};
  const entry = Object.values(blocks).find(
    (block) => typeof block?.type === "string" && block.type.includes(`/blocks/${EMBED_BLOCK_HANDLE}/`),
  );
  if (!entry) return { state: "disabled", reason: "never-enabled" };
  if (entry.disabled !== false) return { state: "disabled", reason: "switched-off" };
  const settings =
    entry.settings && typeof entry.settings === "object" ? (entry.settings as Record<string, unknown>) : {};
  // The embed's own "Enabled" checkbox renders nothing when unticked, whatever the theme says.
  if (settings.enabled === false) return { state: "disabled", reason: "switched-off" };
  return { state: "enabled", settings };
}
