import { describe, expect, it } from "vitest";
import {
  ChatwootError,
  ChatwootHttpError,
  ChatwootNetworkError,
  ChatwootRateLimitError,
  ChatwootRetriableError,
  ChatwootSchemaError,
  ChatwootTimeoutError,
  isDuplicateError,
  transient,
} from "../errors";

const where = { method: "POST", path: "/api/v1/accounts/3/contacts" };
const unprocessable = (body: unknown) => new ChatwootHttpError({ ...where, status: 422, body });

describe("Chatwoot errors", () => {
  it.each([
    { body: { message: "Email has already been taken", attributes: ["email"] }, taken: ["email"] },
    {
      body: {
        message: "Phone number has already been taken, Identifier has already been taken",
        attributes: ["phone_number", "identifier"],
      },
      taken: ["phone_number", "identifier"],
    },
    {
      body: {
        message: "Email has already been taken, Phone number should be in e164 format",
        attributes: ["email", "phone_number"],
      },
      taken: ["email"],
    },
    { body: { message: "Phone number should be in e164 format", attributes: ["phone_number"] }, taken: undefined },
    { body: { error: "Specify search string with parameter q" }, taken: undefined },
    { body: "Unprocessable", taken: undefined },
  ])("isDuplicateError names only the attributes already taken: $taken", ({ body, taken }) => {
    // GIVEN
    const error = unprocessable(body);

    // WHEN
    const result = isDuplicateError(error);

    // THEN
    expect(result).toEqual(taken);
  });

  it("isDuplicateError ignores anything but a 422 Chatwoot error", () => {
    // GIVEN
    const body = { message: "Email has already been taken", attributes: ["email"] };

    // WHEN / THEN
    expect(isDuplicateError(new ChatwootHttpError({ ...where, status: 500, body }))).toBeUndefined();
    expect(isDuplicateError(new Error("Email has already been taken"))).toBeUndefined();
  });

  it.each([
    { error: new ChatwootRateLimitError({ ...where, status: 429, body: "Retry later" }), expected: true },
    { error: new ChatwootRetriableError({ ...where, status: 502, body: "" }), expected: true },
    { error: new ChatwootTimeoutError({ ...where, timeoutMs: 10 }), expected: true },
    { error: new ChatwootNetworkError({ ...where, cause: new Error("reset") }), expected: true },
    { error: unprocessable({ message: "Invalid" }), expected: false },
    { error: new ChatwootSchemaError({ ...where, status: 200, issues: [] }), expected: false },
    { error: new Error("other"), expected: false },
  ])("transient is $expected for $error.name", ({ error, expected }) => {
    // WHEN / THEN
    expect(transient(error)).toBe(expected);
  });

  it("keeps the hierarchy and names for instanceof checks and logs", () => {
    // GIVEN
    const error = new ChatwootRateLimitError({ ...where, status: 429, body: "Retry later\n", retryAfterMs: 1000 });

    // WHEN / THEN
    expect(error).toBeInstanceOf(ChatwootRetriableError);
    expect(error).toBeInstanceOf(ChatwootHttpError);
    expect(error).toBeInstanceOf(ChatwootError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("ChatwootRateLimitError");
    expect(error.message).toBe("POST /api/v1/accounts/3/contacts → 429: Retry later");
    expect(new ChatwootTimeoutError({ ...where, timeoutMs: 10 })).toBeInstanceOf(ChatwootNetworkError);
  });

  it("falls back to the status text and truncates long bodies in the message", () => {
    // GIVEN
    const empty = new ChatwootHttpError({
      ...where,
      status: 500,
      statusText: "Internal Server Error",
      body: undefined,
    });
    const html = new ChatwootHttpError({ ...where, status: 502, body: `<html>${"x".repeat(500)}</html>` });

    // WHEN / THEN
    expect(empty.message).toBe("POST /api/v1/accounts/3/contacts → 500: Internal Server Error");
    expect(html.message.length).toBeLessThan(300);
  });
});
