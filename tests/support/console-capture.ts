import { format } from 'node:util';
import { logLevel, redirectLogs, setLogLevel } from '../../engine/observability/index.js';

/**
 * Collects the errors the engine reports until `restore()`, for reports a test expects and to keep
 * them off the test output: what console.error prints, and the error lines of the structured log
 * (as "<msg>: <err.message>", whatever the configured level).
 */
export function captureConsoleErrors(): { lines: string[]; restore(): void } {
  const original = console.error;
  const lines: string[] = [];
  console.error = (...args: unknown[]) => {
    lines.push(format(...args));
  };
  const level = logLevel();
  setLogLevel('error');
  const unredirect = redirectLogs((line) => {
    const entry = JSON.parse(line) as { msg?: string; err?: { message?: string } };
    lines.push(entry.err?.message ? `${entry.msg}: ${entry.err.message}` : String(entry.msg));
  });
  return {
    lines,
    restore() {
      console.error = original;
      unredirect();
      setLogLevel(level);
    },
  };
}

/** Collects the structured log's lines, parsed, from `level` up, until `restore()`. */
export function captureLogs(level: 'info' | 'debug' = 'info'): { entries: Record<string, unknown>[]; restore(): void } {
  const entries: Record<string, unknown>[] = [];
  const previous = logLevel();
  setLogLevel(level);
  const unredirect = redirectLogs((line) => entries.push(JSON.parse(line) as Record<string, unknown>));
  return {
    entries,
    restore() {
      unredirect();
      setLogLevel(previous);
    },
  };
}
