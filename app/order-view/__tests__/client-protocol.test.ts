import { FETCH_INFO, fromExpectedParent, parseAppContext, pickLocale } from "../client/protocol.js";

const context = (data: Record<string, unknown>) => JSON.stringify({ event: "appContext", data });
const conversation = { id: 42, account_id: 12, meta: { sender: { id: 99 }, hmac_verified: true } };

describe("the order view's dashboard-app protocol", () => {
  it("asks Chatwoot with its exact fetch-info string", () => {
    expect(FETCH_INFO).toBe("chatwoot-dashboard-app:fetch-info");
  });

  it("reads the account, the contact and the verification from Chatwoot's JSON string", () => {
    // WHEN
    const parsed = parseAppContext(context({ conversation, contact: { id: 99 }, currentAgent: { id: 5 } }));
    // THEN
    expect(parsed).toEqual({ accountId: 12, contactId: 99, verified: true, locale: null });
  });

  it("tolerates keys later Chatwoot versions add", () => {
    const parsed = parseAppContext(
      context({ conversation, contact: { id: 99, extra: 1 }, theme: "dark", attributeDefinitions: [], locale: "nl" }),
    );
    expect(parsed).toMatchObject({ contactId: 99, locale: "nl" });
  });

  it("falls back to the conversation's sender when the contact is still sparse", () => {
    expect(parseAppContext(context({ conversation, contact: {} }))?.contactId).toBe(99);
    expect(parseAppContext(context({ conversation }))?.contactId).toBe(99);
  });

  it("treats a missing or non-true hmac_verified as not verified", () => {
    const meta = { sender: { id: 99 }, hmac_verified: "true" };
    expect(parseAppContext(context({ conversation: { ...conversation, meta } }))?.verified).toBe(false);
  });

  it("takes the agent's locale when Chatwoot sends one", () => {
    const parsed = parseAppContext(context({ conversation, currentAgent: { id: 5, ui_settings: { locale: "nl" } } }));
    expect(parsed?.locale).toBe("nl");
  });

  it.each([
    ["an object instead of a JSON string", { event: "appContext", data: { conversation } }],
    ["malformed JSON", '{"event":"appContext",'],
    ["another event", JSON.stringify({ event: "other", data: { conversation } })],
    ["no conversation", context({ contact: { id: 99 } })],
    ["no account id", context({ conversation: { id: 1, meta: { sender: { id: 99 } } } })],
    ["no contact id anywhere", context({ conversation: { id: 1, account_id: 12 } })],
    ["a negative contact id", context({ conversation: { id: 1, account_id: 12 }, contact: { id: -4 } })],
    ["the fetch-info string itself", FETCH_INFO],
  ])("ignores %s", (_name, raw) => {
    expect(parseAppContext(raw)).toBeUndefined();
  });

  it("accepts a message only from the parent window at an expected origin", () => {
    // GIVEN
    const parent = {};
    const origins = ["https://chat.example.com"];
    // THEN
    expect(fromExpectedParent({ origin: "https://chat.example.com", source: parent }, origins, parent)).toBe(true);
    expect(fromExpectedParent({ origin: "https://evil.example", source: parent }, origins, parent)).toBe(false);
    expect(fromExpectedParent({ origin: "https://chat.example.com", source: {} }, origins, parent)).toBe(false);
  });

  it("picks the first supported language, else the fallback", () => {
    expect(pickLocale(["nl-BE", "en"], ["en", "nl"], "en")).toBe("nl");
    expect(pickLocale([null, "pt_BR", "NL"], ["en", "nl"], "en")).toBe("nl");
    expect(pickLocale(["de"], ["en", "nl"], "en")).toBe("en");
  });
});
