/** Prisma's error for a write that would break a unique constraint. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === "P2002";
}

/** Prisma's error for an update or delete whose where matched no row. */
export function isNoMatch(error: unknown): boolean {
  return (error as { code?: string }).code === "P2025";
}

/**
 * Runs an `update` or `delete` whose where names a unique key plus conditions; its result, or null
 * when no row matched. One statement; `updateMany` would run the same inside a transaction, which
 * on SQLite makes the libsql driver open a new connection afterwards.
 */
export async function ifMatched<T>(write: Promise<T>): Promise<T | null> {
  try {
    return await write;
  } catch (error) {
    if (isNoMatch(error)) return null;
    throw error;
  }
}

/** Whether the guarded write (see ifMatched) found its row. */
export async function matched(write: Promise<unknown>): Promise<boolean> {
  return (await ifMatched(write)) !== null;
}
