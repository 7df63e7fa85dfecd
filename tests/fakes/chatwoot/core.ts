import { randomBytes } from "node:crypto";
import { JobQueue } from "./jobs";
import { SimState } from "./state";
import { secureToken } from "./tokens";
import type { ChatwootSimulatorOptions, SimulatorLogger } from "./types";

/** Shared by every handler: the tables, the clock, the job queue and resolved options. */
export interface SimCore {
  readonly state: SimState;
  readonly now: () => number;
  readonly log: SimulatorLogger;
  readonly jobs: JobQueue;
  /** Signs widget JWTs (Chatwoot's secret_key_base). */
  readonly widgetSecret: Buffer;
  readonly platformTokens: readonly string[];
  readonly rateLimitPerMinute: number;
  readonly contactSearchPerMinute: number;
  /** FRONTEND_URL; known once the server listens. */
  publicUrl: string;
}

export function createCore(options: ChatwootSimulatorOptions): SimCore {
  const log = options.log ?? (() => {});
  const core: SimCore = {
    state: new SimState(),
    now: options.clock ?? Date.now,
    log,
    jobs: new JobQueue(options.accountDeleteDelayMs ?? 50, log),
    widgetSecret: randomBytes(32),
    platformTokens: options.platformTokens?.length ? [...options.platformTokens] : [secureToken()],
    rateLimitPerMinute: options.rateLimitPerMinute ?? 3000,
    contactSearchPerMinute: options.contactSearchPerMinute ?? 100,
    publicUrl: options.publicUrl ?? "",
  };
  seedPlatformApps(core);
  return core;
}

/** Platform apps are configuration (a super admin made them), so they survive a reset. */
export function seedPlatformApps(core: SimCore): void {
  core.platformTokens.forEach((token, index) => {
    const id = core.state.nextId("platformApps");
    core.state.platformApps.push({ id, name: `Platform app ${index + 1}`, token });
  });
}

export function resetCore(core: SimCore): void {
  core.jobs.cancelAll();
  core.state.clear();
  seedPlatformApps(core);
}
