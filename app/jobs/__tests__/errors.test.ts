import { coerceError, describeError, UnknownTaskError } from "../errors";
import { PermanentJobError } from "../types";

describe("coerceError", () => {
  it.each([
    ["an Error", new TypeError("bad"), "bad"],
    ["a string", "plain", "plain"],
    ["an object", { code: 42 }, 'non-error thrown: {"code":42}'],
    ["undefined", undefined, "non-error thrown: undefined"],
  ])("turns %s into an Error", (_kind, thrown, message) => {
    // WHEN
    const error = coerceError(thrown);
    // THEN
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe(message);
  });
});

describe("describeError", () => {
  it("names the error class and cuts long messages", () => {
    // WHEN
    const named = describeError(new PermanentJobError("store uninstalled"));
    const long = describeError(new Error("x".repeat(50)), 10);
    // THEN
    expect(named).toBe("PermanentJobError: store uninstalled");
    expect(long).toHaveLength(10);
  });
});

describe("UnknownTaskError", () => {
  it("is permanent, so the job skips its retries", () => {
    // WHEN
    const error = new UnknownTaskError("no.such.task");
    // THEN
    expect(error).toBeInstanceOf(PermanentJobError);
    expect(error.message).toMatch(/unknown task "no\.such\.task"/);
  });
});
