import type { ChatwootSimulator } from "../simulator";

export interface CallOptions {
  token?: string;
  /** Sent as JSON with `Content-Type: application/json`. */
  body?: unknown;
  /** Sent form-encoded instead. */
  form?: Record<string, string>;
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed body; undefined when it is not JSON. */
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** One real HTTP request to the simulator, the way the app's client makes it. */
export async function call(
  sim: ChatwootSimulator,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<CallResult> {
  const headers: Record<string, string> = { accept: "application/json", ...options.headers };
  if (options.token !== undefined) headers.api_access_token = options.token;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.body);
  } else if (options.form) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams(options.form).toString();
  }
  const response = await fetch(`${sim.url}${path}`, { method, headers, body });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** The provisioning sequence over the Platform API: account, user, administrator membership. */
export async function provision(sim: ChatwootSimulator, name = "Demo Store", token = sim.platformToken) {
  const account = await call(sim, "POST", "/platform/api/v1/accounts", { token, body: { name, locale: "en" } });
  const email = `integration+${account.json.id}@store.example`;
  const user = await call(sim, "POST", "/platform/api/v1/users", {
    token,
    body: { name: `${name} integration`, email, password: "Str0ng!pass" },
  });
  await call(sim, "POST", `/platform/api/v1/accounts/${account.json.id}/account_users`, {
    token,
    body: { user_id: user.json.id, role: "administrator" },
  });
  return {
    accountId: account.json.id as number,
    userId: user.json.id as number,
    userToken: user.json.access_token as string,
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
