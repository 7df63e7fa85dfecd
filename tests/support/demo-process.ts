import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, startProcess, userEnvironment, type RunningProcess } from "./processes";

const root = path.resolve(import.meta.dirname, "../..");

export interface DemoProcess {
  process: RunningProcess;
  appUrl: string;
  simUrl: string;
  stop(): Promise<void>;
}

/**
 * `npm run demo` as a user runs it (tsx app/sandbox/demo.ts), on free ports and its own database,
 * waiting until it says the sandbox is ready. A fresh clone builds the app first.
 */
export async function startDemo(extraEnv: Record<string, string> = {}): Promise<DemoProcess> {
  const dir = mkdtempSync(path.join(tmpdir(), "cw-demo-"));
  const [port, simPort] = [await freePort(), await freePort()];
  const demo = startProcess(path.join(root, "node_modules/.bin/tsx"), ["app/sandbox/demo.ts"], {
    cwd: root,
    env: userEnvironment({
      PORT: String(port),
      CHATWOOT_SIM_PORT: String(simPort),
      DATABASE_URL: `file:${path.join(dir, "demo.sqlite")}`,
      ...extraEnv,
    }),
  });
  await demo.waitFor(/Sandbox ready/, 150_000);
  return {
    process: demo,
    appUrl: `http://localhost:${port}`,
    simUrl: `http://127.0.0.1:${simPort}`,
    async stop() {
      await demo.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
