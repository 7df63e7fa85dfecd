import { randomBytes } from "node:crypto";

let lastMs = 0;
let counter = 0;

/**
 * A new row id for rows written with raw SQL, in the shape of Prisma's cuid(): "c", the time in
 * base 36, a per-millisecond counter, then 62 random bits. Ids made in one process sort in the
 * order they were made, so a job table ordered by (runAt, id) stays first-in, first-out.
 */
export function newId(): string {
  const now = Date.now();
  counter = now === lastMs ? counter + 1 : 0;
  lastMs = now;
  return (
    "c" +
    now.toString(36).padStart(8, "0") +
    counter.toString(36).padStart(4, "0") +
    randomBytes(8).readBigUInt64BE().toString(36).padStart(13, "0").slice(-12)
  );
}
