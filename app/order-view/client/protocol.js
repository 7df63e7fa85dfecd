// @ts-check
/**
 * Chatwoot's dashboard-app protocol, as the order view's browser side speaks it. The frame asks its
 * parent with the exact string below; Chatwoot answers (and also pushes on load) with a JSON string
 * `{"event":"appContext","data":{conversation, contact, currentAgent}}` sent to any origin, unsigned.
 * Later Chatwoot versions add keys and send the context again; both are fine here.
 */

export const FETCH_INFO = "chatwoot-dashboard-app:fetch-info";

/** @typedef {{ accountId: number, contactId: number, verified: boolean, locale: string | null }} AppContext */

/**
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** @param {unknown} value */
function positiveId(value) {
  if (typeof value === "string" && /^\d{1,15}$/.test(value)) value = Number(value);
  return typeof value === "number" && Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

/**
 * The context in one message, or undefined for anything else (other scripts post other things).
 * The contact may be sparse before Chatwoot has loaded it: the conversation's sender is the fallback.
 * @param {unknown} raw
 * @returns {AppContext | undefined}
 */
export function parseAppContext(raw) {
  if (typeof raw !== "string") return undefined;
  let message;
  try {
    message = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!isRecord(message) || message.event !== "appContext" || !isRecord(message.data)) return undefined;
  const { conversation, contact, currentAgent } = message.data;
  if (!isRecord(conversation)) return undefined;
  const meta = isRecord(conversation.meta) ? conversation.meta : {};
  const sender = isRecord(meta.sender) ? meta.sender : {};
  const contactId = (isRecord(contact) ? positiveId(contact.id) : undefined) ?? positiveId(sender.id);
  const accountId = positiveId(conversation.account_id);
  if (!contactId || !accountId) return undefined;
  const agent = isRecord(currentAgent) ? currentAgent : {};
  const settings = isRecord(agent.ui_settings) ? agent.ui_settings : {};
  const locale = [agent.locale, settings.locale, message.data.locale].find((l) => typeof l === "string");
  return {
    accountId,
    contactId,
    verified: meta.hmac_verified === true,
    locale: /** @type {string} */ (locale) ?? null,
  };
}

/**
 * Whether a message may carry the context: sent by the window that framed this page, from an expected
 * origin. Another frame on the same Chatwoot page (another dashboard app) can post here too; its
 * `source` is not our parent.
 * @param {{ origin: string, source: unknown }} event
 * @param {readonly string[]} origins
 * @param {unknown} parent
 */
export function fromExpectedParent(event, origins, parent) {
  return event.source === parent && origins.includes(event.origin);
}

/**
 * The first supported language among the candidates (Chatwoot's agent locale, then the browser's).
 * @param {readonly unknown[]} candidates
 * @param {readonly string[]} supported
 * @param {string} fallback
 */
export function pickLocale(candidates, supported, fallback) {
  for (const candidate of candidates) {
    const language = typeof candidate === "string" ? candidate.slice(0, 2).toLowerCase() : "";
    if (supported.includes(language)) return language;
  }
  return fallback;
}
