import { describe, expect, it } from "vitest";
import { newId } from "../ids";

describe("newId", () => {
  it("makes ids in the shape of Prisma's cuid", () => {
    expect(newId()).toMatch(/^c[0-9a-z]{24}$/);
  });

  it("sorts ids in the order they were made, also within one millisecond", () => {
    const ids = Array.from({ length: 5000 }, () => newId());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
