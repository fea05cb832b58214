import { ExpressionTimeoutError } from './expression-errors.js';
import { threadCpuClock, type ThreadCpuClock } from './thread-cpu-clock.js';

/** Steps between two readings of the processor clock: a reading is a system call, a step well under a microsecond. */
const STEPS_PER_READING = 32;

const CLOCK = Symbol('cpu clock');

/**
 * Past this share of the budget (in processor time of the process or on the clock), the budget
 * counts the evaluation's own thread: a reading of the process's time is cheap and enough for the
 * short evaluations that are nearly all of them, a reading of the thread's costs a read of /proc.
 */
const SHARE_BEFORE_THREAD_CLOCK = 1 / 4;

interface Clock {
  readonly startedCpu: number;
  readonly startedWall: number;
  steps: number;
  /** Once the thread's own clock counts: its reading then, and what the evaluation had spent before. */
  thread?: { readonly clock: ThreadCpuClock; readonly base: number; readonly before: number };
}

interface Environment {
  readonly base?: { [CLOCK]?: Clock };
}

/** Milliseconds of processor time the process has used. */
function cpuMillis(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Charges one evaluation step to the evaluation's budget of processor time and stops it (an
 * expression timeout) once the budget is spent. Processor time rather than time on the clock:
 * a runaway spends it whatever the machine does, while a short formula on a machine busy with
 * other work waits for the processor without spending any, and must not fail for that (a demo
 * install's thousands of formulas failed on a load average of 20). The time is the process's for
 * the first quarter of the budget, then the evaluating thread's own where the system tells it
 * (thread-cpu-clock.ts): the process's also counts its other threads. jsonata's own clock stays
 * on as a backstop, ten times as long (expression-limits.ts). The clock lives in the evaluation's
 * root environment, so concurrent evaluations keep their own.
 */
export function spendCpu(environment: unknown, budgetMs: number): void {
  const base = (environment as Environment).base;
  if (!base) return;
  const clock = base[CLOCK];
  if (!clock) {
    base[CLOCK] = { startedCpu: cpuMillis(), startedWall: performance.now(), steps: 0 };
    return;
  }
  clock.steps += 1;
  if (clock.steps % STEPS_PER_READING !== 0) return;
  if (spentOf(clock, budgetMs) > budgetMs) throw new ExpressionTimeoutError(budgetMs);
}

function spentOf(clock: Clock, budgetMs: number): number {
  if (clock.thread) return clock.thread.before + clock.thread.clock.millis() - clock.thread.base;
  const spent = cpuMillis() - clock.startedCpu;
  const wall = performance.now() - clock.startedWall;
  if (Math.max(spent, wall) <= budgetMs * SHARE_BEFORE_THREAD_CLOCK) return spent;
  const thread = threadCpuClock();
  if (!thread) return spent;
  // The thread cannot have spent more than the time on the clock, whatever the other threads did.
  const before = Math.min(spent, wall);
  clock.thread = { clock: thread, base: thread.millis(), before };
  return before;
}
