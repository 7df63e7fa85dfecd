import { describe, expect, it } from "vitest";
import { ChatwootSchemaError, createChatwootPlatformClient } from "../index";
import { startHttpTestServer } from "./http-test-server";
import { testKit } from "./test-kit";

async function setUp() {
  const server = await startHttpTestServer();
  const { token, ...options } = testKit(server.url).options;
  return { server, platform: createChatwootPlatformClient({ ...options, platformToken: token }) };
}

const account = { id: 12, name: "My Store", locale: "en", status: "active", custom_attributes: {}, features: {} };

describe("Chatwoot Platform API client", () => {
  it("creates an account with the given fields and returns it", async () => {
    // GIVEN
    const { server, platform } = await setUp();
    server.respond({ body: account });

    // WHEN
    const created = await platform.createAccount({ name: "My Store", locale: "en", custom_attributes: { shop: "a" } });

    // THEN
    expect(created).toMatchObject({ id: 12, name: "My Store" });
    expect(server.requests[0]).toMatchObject({
      method: "POST",
      path: "/platform/api/v1/accounts",
      body: { name: "My Store", locale: "en", custom_attributes: { shop: "a" } },
    });
  });

  it("suspends an account with a PATCH", async () => {
    // GIVEN
    const { server, platform } = await setUp();
    server.respond({ body: { ...account, status: "suspended" } });

    // WHEN
    const updated = await platform.updateAccount(12, { status: "suspended" });

    // THEN
    expect(updated.status).toBe("suspended");
    expect(server.requests[0]).toMatchObject({
      method: "PATCH",
      path: "/platform/api/v1/accounts/12",
      body: { status: "suspended" },
    });
  });

  it("drops the null entries Chatwoot lists for deleted accounts", async () => {
    // GIVEN
    const { server, platform } = await setUp();
    server.respond({ body: [account, null] });

    // WHEN
    const accounts = await platform.listAccounts();

    // THEN
    expect(accounts.map((a) => a.id)).toEqual([12]);
  });

  it("returns a created user with its access token", async () => {
    // GIVEN
    const { server, platform } = await setUp();
    server.respond({ body: { id: 5, name: "Bot", email: "bot@x.io", access_token: "user-token", accounts: [] } });

    // WHEN
    const user = await platform.createUser({ name: "Bot", email: "bot@x.io", password: "Secret-123!" });

    // THEN
    expect(user).toMatchObject({ id: 5, access_token: "user-token" });
    expect(server.requests[0]?.path).toBe("/platform/api/v1/users");
  });

  it("rejects a user without an access token as a schema error", async () => {
    // GIVEN
    const { server, platform } = await setUp();
    server.respond({ body: { id: 5, email: "bot@x.io" } });

    // WHEN
    const error = await platform.getUser(5).catch((e: unknown) => e);

    // THEN
    expect(error).toBeInstanceOf(ChatwootSchemaError);
    expect((error as ChatwootSchemaError).issues.map((i) => i.path.join("."))).toEqual(["access_token"]);
  });

  it("gets a login link", async () => {
    // GIVEN
    const { server, platform } = await setUp();
    server.respond({ body: { url: "https://chat.example/app/login?email=a&sso_auth_token=t" } });

    // WHEN
    const link = await platform.getUserLoginLink(5);

    // THEN
    expect(link.url).toContain("sso_auth_token");
    expect(server.requests[0]?.path).toBe("/platform/api/v1/users/5/login");
  });

  it("adds, lists and removes an account user", async () => {
    // GIVEN
    const { server, platform } = await setUp();
    const row = { id: 1, account_id: 12, user_id: 5, role: "administrator", inviter_id: null };
    server.respond({ body: row }, { body: [row] }, { status: 200 });

    // WHEN
    const added = await platform.addAccountUser(12, { user_id: 5, role: "administrator" });
    const listed = await platform.listAccountUsers(12);
    await platform.removeAccountUser(12, 5);

    // THEN
    expect(added.role).toBe("administrator");
    expect(listed).toHaveLength(1);
    const removal = server.requests[2];
    expect(removal).toMatchObject({
      method: "DELETE",
      path: "/platform/api/v1/accounts/12/account_users",
      body: { user_id: 5 },
    });
    expect(removal?.query.get("user_id")).toBe("5");
  });

  it("deletes an account and a user, whose 200 has an empty body", async () => {
    // GIVEN
    const { server, platform } = await setUp();
    server.respond({ status: 200 }, { status: 200 });

    // WHEN
    await platform.deleteAccount(12);
    await platform.deleteUser(5);

    // THEN
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "DELETE /platform/api/v1/accounts/12",
      "DELETE /platform/api/v1/users/5",
    ]);
  });
});
