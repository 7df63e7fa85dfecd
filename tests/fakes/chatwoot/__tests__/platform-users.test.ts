import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ChatwootSimulator, startChatwootSimulator } from "../index";
import { call, sleep } from "./helpers";

describe("Chatwoot simulator: Platform API users and account users", () => {
  let sim: ChatwootSimulator;
  const [appA, appB] = ["platform-token-a", "platform-token-b"];
  const newUser = { name: "Store integration", email: "Bot@Store.example", password: "Str0ng!pass" };

  beforeEach(async () => {
    sim = await startChatwootSimulator({ platformTokens: [appA, appB], accountDeleteDelayMs: 30 });
  });
  afterEach(() => sim.stop());

  it("creates a user with a lowercased email, its access token and an empty accounts list", async () => {
    // WHEN a new user is created
    const response = await call(sim, "POST", "/platform/api/v1/users", { token: appA, body: newUser });

    // THEN the user JSON carries the token it will use on the Application API
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      email: "bot@store.example",
      uid: "bot@store.example",
      confirmed: true,
      accounts: [],
    });
    expect(response.json.access_token).toBe(sim.state.users[0]?.accessToken);
  });

  it("returns the existing user for a known email, ignores name and password, and grants the app access", async () => {
    // GIVEN a user created by app A
    const first = await call(sim, "POST", "/platform/api/v1/users", { token: appA, body: newUser });

    // WHEN app B posts the same email (other case, other name, weak password)
    const second = await call(sim, "POST", "/platform/api/v1/users", {
      token: appB,
      body: { name: "Someone else", email: "BOT@store.example", password: "x" },
    });
    const readByB = await call(sim, "GET", `/platform/api/v1/users/${first.json.id}`, { token: appB });

    // THEN it is the same user, token included, and app B may now read it
    expect(second.status).toBe(200);
    expect(second.json.id).toBe(first.json.id);
    expect(second.json.name).toBe("Store integration");
    expect(second.json.access_token).toBe(first.json.access_token);
    expect(readByB.status).toBe(200);
    expect(sim.state.users).toHaveLength(1);
  });

  it.each([
    ["short", "Ab1!", "Password must contain at least 6 characters"],
    ["no uppercase", "abcdef1!", "Password must contain at least 1 uppercase character (A..Z)"],
    ["no lowercase", "ABCDEF1!", "Password must contain at least 1 lowercase character (a..z)"],
    ["no digit", "Abcdefg!", "Password must contain at least 1 number character (0..9)"],
    ["no special character", "Abcdefg1", "Password must contain at least 1 special character"],
  ])("rejects a new user's password that is %s with 422", async (_case, password, message) => {
    // WHEN a new user is created with that password
    const response = await call(sim, "POST", "/platform/api/v1/users", { token: appA, body: { ...newUser, password } });

    // THEN Chatwoot's validation body names the password rule
    expect(response.status).toBe(422);
    expect(response.json.attributes).toEqual(["password"]);
    expect(response.json.message).toContain(message);
    expect(sim.state.users).toHaveLength(0);
  });

  it("merges custom_attributes on PATCH", async () => {
    // GIVEN a user with one custom attribute
    const user = await call(sim, "POST", "/platform/api/v1/users", {
      token: appA,
      body: { ...newUser, custom_attributes: { shop: "a" } },
    });

    // WHEN another one is patched in
    const patched = await call(sim, "PATCH", `/platform/api/v1/users/${user.json.id}`, {
      token: appA,
      body: { custom_attributes: { plan: "b" } },
    });

    // THEN both are kept
    expect(patched.json.custom_attributes).toEqual({ shop: "a", plan: "b" });
  });

  it("hands out a login link on the public URL and lets it sign in once", async () => {
    // GIVEN a user
    const user = await call(sim, "POST", "/platform/api/v1/users", { token: appA, body: newUser });

    // WHEN its SSO link is requested and used twice
    const link = await call(sim, "GET", `/platform/api/v1/users/${user.json.id}/login`, { token: appA });
    const url = new URL(link.json.url);
    const signIn = () =>
      call(sim, "POST", "/auth/sign_in", {
        body: { email: url.searchParams.get("email"), sso_auth_token: url.searchParams.get("sso_auth_token") },
      });
    const first = await signIn();
    const second = await signIn();

    // THEN the link points at /app/login with the encoded email, and works only once
    expect(link.json.url).toMatch(new RegExp(`^${sim.url}/app/login\\?email=bot%40store\\.example&sso_auth_token=`));
    expect(first.status).toBe(200);
    expect(second.status).toBe(401);
  });

  it("upserts account users: a second call changes the role, an unknown role is a 500", async () => {
    // GIVEN an account and a user of app A
    const account = await call(sim, "POST", "/platform/api/v1/accounts", { token: appA, body: { name: "Shop" } });
    const user = await call(sim, "POST", "/platform/api/v1/users", { token: appA, body: newUser });
    const path = `/platform/api/v1/accounts/${account.json.id}/account_users`;

    // WHEN the user is added as agent, then again as administrator, then as owner
    await call(sim, "POST", path, { token: appA, body: { user_id: user.json.id, role: "agent" } });
    const promoted = await call(sim, "POST", path, {
      token: appA,
      body: { user_id: user.json.id, role: "administrator" },
    });
    const owner = await call(sim, "POST", path, { token: appA, body: { user_id: user.json.id, role: "owner" } });
    const list = await call(sim, "GET", path, { token: appA });

    // THEN one row with the latest valid role
    expect(promoted.json).toMatchObject({ account_id: account.json.id, user_id: user.json.id, role: "administrator" });
    expect(owner.status).toBe(500);
    expect(list.json).toHaveLength(1);
    expect(list.json[0].role).toBe("administrator");
  });

  it("removes an account user named in the query string, then answers 404", async () => {
    // GIVEN a membership
    const account = await call(sim, "POST", "/platform/api/v1/accounts", { token: appA, body: { name: "Shop" } });
    const user = await call(sim, "POST", "/platform/api/v1/users", { token: appA, body: newUser });
    const path = `/platform/api/v1/accounts/${account.json.id}/account_users`;
    await call(sim, "POST", path, { token: appA, body: { user_id: user.json.id, role: "agent" } });

    // WHEN it is deleted twice
    const first = await call(sim, "DELETE", `${path}?user_id=${user.json.id}`, { token: appA });
    const second = await call(sim, "DELETE", `${path}?user_id=${user.json.id}`, { token: appA });

    // THEN gone, then Rails' 404
    expect(first.status).toBe(200);
    expect(second.json).toEqual({ status: 404, error: "Not Found" });
    expect(sim.state.accountUsers).toHaveLength(0);
  });

  it("deletes a user asynchronously, after which its token stops working", async () => {
    // GIVEN a user
    const user = await call(sim, "POST", "/platform/api/v1/users", { token: appA, body: newUser });

    // WHEN it is deleted
    await call(sim, "DELETE", `/platform/api/v1/users/${user.json.id}`, { token: appA });
    const before = await call(sim, "GET", "/api/v1/profile", { token: user.json.access_token });
    await sleep(120);
    const after = await call(sim, "GET", "/api/v1/profile", { token: user.json.access_token });

    // THEN the token works until the job ran
    expect(before.status).toBe(200);
    expect(after.status).toBe(401);
    expect(after.json).toEqual({ error: "Invalid Access Token" });
  });
});
