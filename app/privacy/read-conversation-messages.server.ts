import type { ChatwootAccountClient } from "~/chatwoot";

type Message = Awaited<ReturnType<ChatwootAccountClient["listConversationMessages"]>>["payload"][number];

/** Chatwoot's page of messages between two ids (MessageFinder, `after` and `before` together). */
export const MESSAGES_BETWEEN_PAGE = 1000;
/** Above any message id Chatwoot hands out. */
const NO_UPPER_BOUND = Number.MAX_SAFE_INTEGER;

/**
 * Every message of a conversation, oldest first.
 *
 * Chatwoot filters a page by message id but orders it by creation time, so paging on from the last
 * message read would skip any message whose id and time disagree (an imported one, say). Windows
 * of ids are read instead. A window that comes back short of a full page is complete. A full one
 * is split: the ids above the largest it returned, the ids below the smallest, and two halves of
 * the ids between, until every window is complete. A conversation under 1000 messages is one call.
 */
export async function readConversationMessages(
  client: Pick<ChatwootAccountClient, "listConversationMessages">,
  conversationId: number,
): Promise<Message[]> {
  const found = new Map<number, Message>();
  const windows: [from: number, to: number][] = [[0, NO_UPPER_BOUND]];
  for (let window = windows.pop(); window; window = windows.pop()) {
    const [from, to] = window;
    const { payload } = await client.listConversationMessages(conversationId, { after: from, before: to });
    for (const message of payload) found.set(message.id, message);
    if (payload.length < MESSAGES_BETWEEN_PAGE) continue;
    const ids = payload.map((message) => message.id);
    const lowest = Math.min(...ids);
    const above = Math.max(...ids) + 1;
    const middle = lowest + Math.floor((above - lowest) / 2);
    if (above < to) windows.push([above, to]);
    if (from < lowest) windows.push([from, lowest]);
    windows.push([middle, above], [lowest, middle]);
  }
  return [...found.values()].sort((a, b) => createdAt(a) - createdAt(b) || a.id - b.id);
}

function createdAt(message: Message): number {
  const value = message.created_at;
  if (typeof value === "number") return value;
  const parsed = value === undefined ? NaN : Date.parse(value);
  return Number.isNaN(parsed) ? 0 : parsed / 1000;
}
