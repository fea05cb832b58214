import { format } from 'node:util';

/** Collects what console.error prints until `restore()`: for reports a test expects, and to keep them off the test output. */
export function captureConsoleErrors(): { lines: string[]; restore(): void } {
  const original = console.error;
  const lines: string[] = [];
  console.error = (...args: unknown[]) => {
    lines.push(format(...args));
  };
  return {
    lines,
    restore() {
      console.error = original;
    },
  };
}
