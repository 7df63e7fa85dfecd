import { createLogger } from "~/lib/logger.server";
import type { ChatwootTransportOptions } from "../types";

export const TOKEN = "secret-token-abc123";

/**
 * Transport options for tests: instant, recorded waits (`sleep`), a fixed jitter draw
 * (`random` = 0.5, so each wait is half its backoff ceiling) and a logger whose lines are kept.
 */
export function testKit(baseUrl: string, overrides: Partial<ChatwootTransportOptions> = {}) {
  const waits: number[] = [];
  const lines: string[] = [];
  const options: ChatwootTransportOptions = {
    baseUrl,
    token: TOKEN,
    logger: createLogger({ level: "debug", sink: (line) => lines.push(line) }),
    sleep: async (ms) => void waits.push(ms),
    random: () => 0.5,
    timeoutMs: 1_000,
    ...overrides,
  };
  const logs = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { options, waits, lines, logs };
}
