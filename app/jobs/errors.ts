import { QUEUE_DEFAULTS } from "./defaults";
import { PermanentJobError } from "./types";

/** A job names a task this process has no handler for; retrying cannot help. */
export class UnknownTaskError extends PermanentJobError {
  readonly task: string;
  constructor(task: string) {
    super(`unknown task "${task}": no handler is registered for it`);
    this.name = "UnknownTaskError";
    this.task = task;
  }
}

/** Anything a handler throws becomes an Error (graphile's coerceError), so the loop never trips on it. */
export function coerceError(thrown: unknown): Error {
  if (thrown instanceof Error) return thrown;
  if (typeof thrown === "string") return new Error(thrown);
  try {
    return new Error(`non-error thrown: ${JSON.stringify(thrown)}`);
  } catch {
    return new Error(`non-error thrown: ${String(thrown)}`);
  }
}

/** The text kept as a job's lastError: name and message, truncated. */
export function describeError(error: Error, maxLength: number = QUEUE_DEFAULTS.lastErrorMaxLength): string {
  const text = error.name && error.name !== "Error" ? `${error.name}: ${error.message}` : error.message;
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}
