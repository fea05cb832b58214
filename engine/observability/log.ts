import pino, { type Level, type Logger } from 'pino';

export type LogLevel = Level | 'silent';

export const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Where log lines go: stdout, unless a test redirects them (`redirectLogs`). */
let sink: (line: string) => void = (line) => process.stdout.write(line);

/**
 * The process's one logger: one JSON object per line (time, level, msg; lines about a request or
 * a job name its `requestId`, given by the caller). Its level comes from LOG_LEVEL; without it nothing is logged until the engine's
 * configuration sets one (`configFromEnv` defaults to info), so test runs stay quiet.
 */
const root: Logger = pino(
  {
    level: process.env.LOG_LEVEL && (LOG_LEVELS as string[]).includes(process.env.LOG_LEVEL) ? process.env.LOG_LEVEL : 'silent',
    base: { pid: process.pid },
  },
  { write: (line: string) => sink(line) },
);

/** The logger. */
export const log: Logger = root;

export function setLogLevel(level: LogLevel): void {
  root.level = level;
}

export function logLevel(): LogLevel {
  return root.level as LogLevel;
}

/** Sends log lines to `to` instead of stdout until the function returned is called (tests read what was logged). */
export function redirectLogs(to: (line: string) => void): () => void {
  const previous = sink;
  sink = to;
  return () => {
    sink = previous;
  };
}
