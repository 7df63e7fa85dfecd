import type { Job } from "@prisma/client";
import { QUEUE_TEST_TIMINGS } from "../../../tests/support/queue-harness";
import type { JobHelpers, JobQueue, TaskHandler } from "../types";

/** One adapter on fresh storage, as the contract suite needs it. */
export interface QueueUnderTest {
  /** A queue on the shared storage; each call is another instance (another process's view). */
  makeQueue(): JobQueue;
  /** The adapter's job rows, when it keeps them in the app's `Job` table (the embedded adapter). */
  readJobs?: () => Promise<Job[]>;
  /** The longest one retry waits with the test settings. */
  maxRetryDelayMs: number;
  /** How long until the job of a killed worker can run again, at most. */
  recoveryMs: number;
  /** Tells tests/support/queue-crash-worker.ts how to build the same queue in a child process. */
  crashWorkerEnv: Record<string, string>;
  close(): Promise<void>;
}

export interface Run {
  task: string;
  payload: { n?: number };
  attempt: number;
  startedAt: number;
  endedAt?: number;
}

export const poll = { pollIntervalMs: QUEUE_TEST_TIMINGS.pollIntervalMs };
export const settle = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export type ContractFixture = ReturnType<typeof useContractFixture>;

/**
 * Fresh storage per test, recorded runs, and an afterEach that fails the test when it left a
 * worker running (after stopping it, so one failure does not cascade).
 */
export function useContractFixture(makeQueue: () => Promise<QueueUnderTest>) {
  let h: QueueUnderTest;
  let queues: JobQueue[] = [];
  let runs: Run[] = [];

  beforeEach(async () => {
    h = await makeQueue();
    queues = [];
    runs = [];
  });

  afterEach(async () => {
    const leftRunning = queues.filter((q) => q.isRunning());
    await Promise.all(queues.map((q) => q.stop({ timeoutMs: 100 })));
    await h.close();
    expect(leftRunning, "a test left a worker running").toHaveLength(0);
  });

  return {
    get h() {
      return h;
    },
    /** Every run so far, in start order. */
    get runs() {
      return runs;
    },
    /** A queue instance the afterEach checks and cleans up. */
    newQueue(): JobQueue {
      const queue = h.makeQueue();
      queues.push(queue);
      return queue;
    },
    /** A handler that records every run; `body` decides what the run does. */
    recording(task: string, body: (payload: Run["payload"], helpers: JobHelpers) => Promise<void> = async () => {}) {
      return (async (payload: Run["payload"], helpers: JobHelpers) => {
        const run: Run = { task, payload, attempt: helpers.attempt, startedAt: Date.now() };
        runs.push(run);
        try {
          await body(payload, helpers);
        } finally {
          run.endedAt = Date.now();
        }
      }) as TaskHandler<never>;
    },
    /** The runs of a task that have ended. */
    finished(task: string) {
      return runs.filter((r) => r.task === task && r.endedAt !== undefined);
    },
  };
}
