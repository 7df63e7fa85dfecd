import { isUuid, jobIdForKey } from "../pgboss/job-id";

describe("jobIdForKey", () => {
  it("gives one key the same UUID every time, and different keys different ones", () => {
    // WHEN
    const [a, again, b] = [jobIdForKey("webhook-1"), jobIdForKey("webhook-1"), jobIdForKey("webhook-2")];
    // THEN
    expect(a).toBe(again);
    expect(a).not.toBe(b);
  });

  it("produces a version 5, RFC 4122 variant UUID that pg-boss accepts as a job id", () => {
    // WHEN
    const id = jobIdForKey("f3c2a0c4-any-shopify-webhook-id");
    // THEN
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe("5");
    expect(["8", "9", "a", "b"]).toContain(id[19]);
  });
});
