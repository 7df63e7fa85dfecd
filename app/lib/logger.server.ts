/**
 * Structured logging: one JSON line per event, with a context object
 * (`{ shop, step, jobId, ... }`) instead of interpolated strings. Never log tokens,
 * e-mail addresses or phone numbers.
 */
export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogContext = Record<string, unknown>;

export interface Logger {
  debug(message: string, context?: LogContext): void;
  info(message: string, context?: LogContext): void;
  warn(message: string, context?: LogContext): void;
  error(message: string, context?: LogContext): void;
  child(context: LogContext): Logger;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type LogSink = (line: string, level: LogLevel) => void;

const defaultSink: LogSink = (line, level) => {
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(line + "\n");
};

function serialise(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message };
  return value;
}

export function createLogger(options: { level?: LogLevel; sink?: LogSink; context?: LogContext } = {}): Logger {
  const threshold = ORDER[options.level ?? "info"];
  const sink = options.sink ?? defaultSink;
  const base = options.context ?? {};
  const write = (level: LogLevel, message: string, context?: LogContext) => {
    if (ORDER[level] < threshold) return;
    const fields: LogContext = {};
    for (const [k, v] of Object.entries({ ...base, ...context })) fields[k] = serialise(v);
    sink(JSON.stringify({ time: new Date().toISOString(), level, msg: message, ...fields }), level);
  };
  return {
    debug: (m, c) => write("debug", m, c),
    info: (m, c) => write("info", m, c),
    warn: (m, c) => write("warn", m, c),
    error: (m, c) => write("error", m, c),
    child: (context) => createLogger({ level: options.level, sink, context: { ...base, ...context } }),
  };
}

/** A logger that drops everything; the default for operations called without one. */
export const silentLogger: Logger = createLogger({ sink: () => {} });
