import { ExpressionTimeoutError } from './expression-errors.js';

/** Steps between two readings of the processor clock: a reading is a system call, a step well under a microsecond. */
const STEPS_PER_READING = 32;

const CLOCK = Symbol('cpu clock');

interface Clock {
  readonly started: number;
  steps: number;
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
 * install's thousands of formulas failed on a load average of 20). jsonata's own clock stays on as
 * a backstop, ten times as long (expression-limits.ts). The clock lives in the evaluation's root
 * environment, so concurrent evaluations keep their own.
 */
export function spendCpu(environment: unknown, budgetMs: number): void {
  const base = (environment as Environment).base;
  if (!base) return;
  const clock = base[CLOCK];
  if (!clock) {
    base[CLOCK] = { started: cpuMillis(), steps: 0 };
    return;
  }
  clock.steps += 1;
  if (clock.steps % STEPS_PER_READING !== 0) return;
  if (cpuMillis() - clock.started > budgetMs) throw new ExpressionTimeoutError(budgetMs);
}
