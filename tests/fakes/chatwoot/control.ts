import type { SimCore } from "./core";
import { faultJson, type FaultRegistry, parseFaultJson } from "./faults";
import { json, type Reply, text } from "./http";
import { isObject } from "./params";
import type { SeedConversationInput, SeedHelpers } from "./seed";

export interface ControlDeps {
  core: SimCore;
  faults: FaultRegistry;
  seed: SeedHelpers;
  reset(): void;
}

function readJson(raw: Buffer): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: raw.length ? JSON.parse(raw.toString("utf8")) : {} };
  } catch {
    return { ok: false };
  }
}

/**
 * `/__sim/*`: drives a simulator running in another process (the standalone server). Not part of
 * Chatwoot; needs no token, answers only loopback peers, and is neither rate limited nor logged.
 */
export function handleControl(deps: ControlDeps, method: string, path: string, raw: Buffer, loopback: boolean): Reply {
  if (!loopback) return text(403, "The simulator control API only answers on loopback.\n", "text/plain");
  const { core, faults, seed } = deps;
  const route = `${method} ${path.replace(/\/$/, "")}`;
  if (route === "GET /__sim/state") {
    return json(200, { ...core.state.toJSON(), faults: faults.list().map(faultJson), pendingJobs: core.jobs.size });
  }
  if (route === "POST /__sim/reset") {
    deps.reset();
    return json(200, { ok: true });
  }
  if (route === "GET /__sim/faults") return json(200, faults.list().map(faultJson));
  if (route === "DELETE /__sim/faults") {
    faults.clear();
    return json(200, { ok: true });
  }
  if (route === "POST /__sim/jobs/drain") {
    core.jobs.drain();
    return json(200, { ok: true });
  }
  const body = readJson(raw);
  if (!body.ok) return json(400, { error: "body is not JSON" });
  if (route === "POST /__sim/faults") {
    const parsed = parseFaultJson(body.value);
    if (!parsed.ok) return json(422, { error: "invalid fault", issues: parsed.issues });
    return json(201, faultJson(faults.add(parsed.spec)));
  }
  try {
    if (route === "POST /__sim/seed/workspace")
      return json(201, seed.workspace(isObject(body.value) ? body.value : {}));
    if (route === "POST /__sim/seed/conversation") {
      return json(201, seed.conversation(body.value as SeedConversationInput));
    }
  } catch (error) {
    return json(422, { error: error instanceof Error ? error.message : String(error) });
  }
  return json(404, { error: `no control route ${route}` });
}
