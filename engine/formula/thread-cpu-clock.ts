import { closeSync, openSync, readSync } from 'node:fs';

/**
 * The processor time of the calling thread alone, where the system tells it (Linux's
 * /proc/thread-self/schedstat: nanoseconds on a processor, then waiting, then time slices).
 * Node 20 only tells the whole process's (`process.cpuUsage`), which also counts the
 * garbage collector's threads, libuv's pool and the store's checkpoint workers: busy ones made
 * a short formula that waited for the processor look as if it had spent its budget.
 */
export interface ThreadCpuClock {
  /** Milliseconds of processor time this thread has used. */
  readonly millis: () => number;
}

const SCHEDSTAT = '/proc/thread-self/schedstat';
const buffer = Buffer.alloc(96);
let opened: ThreadCpuClock | null | undefined;

/** The main thread's clock, or null where the system has none (the caller then counts the process's time). */
export function threadCpuClock(): ThreadCpuClock | null {
  if (opened !== undefined) return opened;
  opened = openClock();
  return opened;
}

function openClock(): ThreadCpuClock | null {
  let descriptor: number;
  try {
    descriptor = openSync(SCHEDSTAT, 'r');
  } catch {
    return null;
  }
  // The file is the thread that opened it, so the descriptor is only good for the main thread.
  const millis = () => {
    const length = readSync(descriptor, buffer, 0, buffer.length, 0);
    const end = buffer.indexOf(32);
    return Number(buffer.toString('latin1', 0, end < 0 || end > length ? length : end)) / 1e6;
  };
  try {
    if (!Number.isFinite(millis())) throw new Error('unreadable');
  } catch {
    closeSync(descriptor);
    return null;
  }
  return { millis };
}
