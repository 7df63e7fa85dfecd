import { spawn } from "node:child_process";
import { userEnvironment } from "./processes";
import { CRASH_WORKER_SCRIPT, TSX_BIN } from "./queue-harness";

/**
 * Starts tests/support/queue-crash-worker.ts in its own process group. tsx runs the script in a
 * child node process, so killing tsx alone would leave the real worker running as an orphan: the
 * hard kill signals the whole group.
 */
export function startCrashWorker(env: Record<string, string>) {
  const child = spawn(TSX_BIN, [CRASH_WORKER_SCRIPT], {
    cwd: process.cwd(),
    env: userEnvironment(env),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  return {
    output: () => output,
    async waitFor(pattern: RegExp, timeoutMs: number) {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(output)) {
        if (child.exitCode !== null) throw new Error(`crash worker exited early:\n${output}`);
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; output so far:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    /** SIGKILL to every process of the worker: no finally blocks, no graceful stop, locks left held. */
    async killHard() {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
      await exited;
    },
  };
}
