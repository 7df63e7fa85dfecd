import { retryDelayMs } from "../backoff";

describe("retryDelayMs", () => {
  it("grows as graphile's e^attempts seconds, with full jitter below that ceiling", () => {
    // GIVEN the default scale of one second
    // WHEN / THEN: the highest jitter reaches the ceiling, the lowest waits nothing
    expect(retryDelayMs(1, {}, () => 0.999_999)).toBe(Math.floor(0.999_999 * Math.E * 1_000));
    expect(retryDelayMs(3, {}, () => 0.5)).toBe(Math.floor(0.5 * Math.exp(3) * 1_000));
    expect(retryDelayMs(3, {}, () => 0)).toBe(0);
  });

  it("stops growing after ten attempts and never exceeds the cap", () => {
    // GIVEN
    const top = () => 0.999_999;
    // WHEN / THEN
    expect(retryDelayMs(10, { maxMs: Infinity }, top)).toBe(retryDelayMs(24, { maxMs: Infinity }, top));
    expect(retryDelayMs(24, {}, top)).toBeLessThanOrEqual(6 * 60 * 60 * 1_000);
    expect(retryDelayMs(5, { baseMs: 20, maxMs: 200 }, top)).toBeLessThan(200);
  });
});
