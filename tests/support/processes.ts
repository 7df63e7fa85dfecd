import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The test-only variables setup-env.ts adds; a child process that plays a user must not inherit them. */
const TEST_DEFAULTS = [
  "NODE_ENV",
  "SHOPIFY_API_KEY",
  "SHOPIFY_API_SECRET",
  "SHOPIFY_APP_URL",
  "DATABASE_URL",
  "CHATWOOT_BASE_URL",
  "CHATWOOT_PLATFORM_TOKEN",
  "ENCRYPTION_KEYS",
  "APP_SIGNING_SECRET",
  "LOG_LEVEL",
  "TEST_DATABASE",
  "VITEST",
];

export function userEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of TEST_DEFAULTS) delete env[name];
  for (const name of Object.keys(env)) if (name.startsWith("VITEST")) delete env[name];
  return { ...env, ...extra };
}

export interface RunningProcess {
  child: ChildProcess;
  output: () => string;
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  stop(): Promise<void>;
}

/** Starts a long-running command and collects its stdout and stderr. */
export function startProcess(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): RunningProcess {
  const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return {
    child,
    output: () => output,
    waitFor: (pattern, timeoutMs) =>
      new Promise((resolve, reject) => {
        const deadline = setTimeout(() => {
          clearInterval(poll);
          reject(new Error(`timed out waiting for ${pattern}; output so far:\n${output}`));
        }, timeoutMs);
        const poll = setInterval(() => {
          const match = output.match(pattern);
          if (match || child.exitCode !== null || child.signalCode !== null) {
            clearInterval(poll);
            clearTimeout(deadline);
            if (match) resolve(match);
            else reject(new Error(`process exited (${child.exitCode}) before ${pattern}:\n${output}`));
          }
        }, 50);
      }),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5000).unref();
      }),
  };
}
