import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ChatwootSimulator, startChatwootSimulator } from "../index";
import { call } from "./helpers";

describe("Chatwoot simulator: control API under /__sim/", () => {
  let sim: ChatwootSimulator;

  beforeEach(async () => {
    sim = await startChatwootSimulator({ platformTokens: ["fixed-token"] });
  });
  afterEach(() => sim.stop());

  const control = (method: string, path: string, body?: unknown) =>
    fetch(`${sim.url}/__sim/${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it("shows the state as JSON without a token", async () => {
    // GIVEN an account created over the Platform API
    await call(sim, "POST", "/platform/api/v1/accounts", { token: "fixed-token", body: { name: "Shop" } });

    // WHEN the state is read
    const response = await control("GET", "state");
    const state = await response.json();

    // THEN accounts, permissibles and the request log are there
    expect(response.status).toBe(200);
    expect(state.accounts).toEqual([expect.objectContaining({ id: 1, name: "Shop" })]);
    expect(state.permissibles).toEqual([{ platformAppId: 1, permissibleType: "Account", permissibleId: 1 }]);
    expect(state.requests).toHaveLength(1);
  });

  it("adds faults from JSON, with a path regex and times null for forever", async () => {
    // WHEN a fault is posted
    const added = await control("POST", "faults", {
      kind: "status",
      status: 503,
      match: { pathRegex: "^/api$" },
      times: null,
    });
    const first = await call(sim, "GET", "/api");
    const second = await call(sim, "GET", "/api");
    const cleared = await control("DELETE", "faults");
    const third = await call(sim, "GET", "/api");

    // THEN it applies until deleted
    expect(added.status).toBe(201);
    expect([first.status, second.status, cleared.status, third.status]).toEqual([503, 503, 200, 200]);
  });

  it("rejects a malformed fault with 422", async () => {
    // WHEN a fault has no kind
    const response = await control("POST", "faults", { status: 503 });

    // THEN it is refused
    expect(response.status).toBe(422);
  });

  it("resets everything but the platform apps", async () => {
    // GIVEN data and a fault
    sim.seed.workspace();
    sim.faults.add({ kind: "status", status: 500, times: Infinity });

    // WHEN reset through the control API
    const response = await control("POST", "reset");
    const afterwards = await call(sim, "POST", "/platform/api/v1/accounts", {
      token: "fixed-token",
      body: { name: "Again" },
    });

    // THEN tables restart at id 1 and the token still works
    expect(response.status).toBe(200);
    expect(afterwards.status).toBe(200);
    expect(afterwards.json.id).toBe(1);
    expect(sim.state.users).toHaveLength(0);
  });

  it("seeds a workspace and a conversation for another process", async () => {
    // WHEN a workspace and a conversation are seeded over HTTP
    const workspace = await (await control("POST", "seed/workspace", { accountName: "Remote" })).json();
    const contact = sim.seed.contact(workspace.account.id, { email: "c@x.co" });
    const conversation = await control("POST", "seed/conversation", {
      accountId: workspace.account.id,
      inboxId: workspace.inbox.id,
      contactId: contact.id,
      messages: [{ content: "Where is my order?" }],
    });
    const messages = await call(sim, "GET", `/api/v1/accounts/${workspace.account.id}/conversations/1/messages`, {
      token: workspace.token,
    });

    // THEN the Application API serves them
    expect(conversation.status).toBe(201);
    expect(messages.json.payload.map((m: { content: string }) => m.content)).toEqual(["Where is my order?"]);
  });
});
