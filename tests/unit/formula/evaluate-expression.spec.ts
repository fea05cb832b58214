import { expect } from 'chai';
import { Worker } from 'node:worker_threads';
import {
  compileExpression,
  evaluateExpression,
  ExpressionEvaluationError,
  ExpressionTimeoutError,
  ExpressionTooDeepError,
  isCompiled,
  type CompiledExpression,
  type ExpressionScope,
} from '../../../engine/formula/index.js';
import { threadCpuClock } from '../../../engine/formula/thread-cpu-clock.js';

const scope: ExpressionScope = {
  object: 'opportunity',
  fields: new Set(['name', 'amount', 'probability', 'first', 'last', 'lines', 'account', 'limit', 'details']),
  parents: new Map([['account', { object: 'account', fields: new Set(['name', 'industry']) }]]),
  variables: new Set(['user', 'today']),
};

function compile(source: string): CompiledExpression {
  const result = compileExpression(source, scope);
  if (!isCompiled(result)) throw new Error(`expected ${source} to compile: ${JSON.stringify(result.problems)}`);
  return result;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the evaluation to fail');
}

describe('evaluating expressions', () => {
  describe('values', () => {
    const record = {
      name: 'Laptops',
      amount: 12000,
      probability: 25,
      first: 'Ada',
      last: 'Lovelace',
      lines: [
        { qty: 2, price: 10 },
        { qty: 10, price: 3 },
      ],
      account: { name: 'Acme', industry: 'x' },
    };
    const cases: [string, string, unknown][] = [
      ['arithmetic', 'amount * probability / 100', 3000],
      ['text concatenation', 'first & " " & last', 'Ada Lovelace'],
      ['a condition, true branch', 'amount > 1000 ? "big" : "small"', 'big'],
      ['a condition, false branch', 'amount > 100000 ? "big" : "small"', 'small'],
      ['$exists on a present field', '$exists(probability)', true],
      ['$exists on a missing field', '$exists(details)', false],
      ['a parent field through its lookup', 'account.industry', 'x'],
      ['an aggregate over a filtered list', '$sum(lines[qty > 5].(qty * price))', 30],
      ['built-in text functions', '$uppercase($substring(name, 0, 3))', 'LAP'],
      ['rounding', '$round(amount / 7, 2)', 1714.29],
      ['a declared variable', '$user.name & " on " & $today', 'ann on 2025-03-01'],
      ['nothing for a missing field', 'details', null],
      ['a one-item result as the item, as JSONata does', 'lines[qty = 2].price', 10],
    ];
    for (const [what, source, expected] of cases) {
      it(`computes ${what}`, async () => {
        const result = await evaluateExpression(compile(source), record, { user: { name: 'ann' }, $today: '2025-03-01' });
        expect(result).to.deep.equal(expected);
      });
    }

    it('returns $now() as an ISO string', async () => {
      const result = await evaluateExpression(compile('$now()'), {});
      expect(result).to.be.a('string').and.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    });
  });

  describe('results are plain JSON', () => {
    const input = { lines: [{ qty: 1 }, { qty: 2 }], account: { name: 'Acme', industry: 'x' } };

    it('turns a sequence into a plain array', async () => {
      const result = await evaluateExpression(compile('lines.qty'), input);
      expect(result).to.deep.equal([1, 2]);
      expect(Object.getPrototypeOf(result)).to.equal(Array.prototype);
      expect(Object.keys(result as object)).to.deep.equal(['0', '1']);
    });

    it('turns a constructed object into a plain object, nested values too', async () => {
      const result = await evaluateExpression(compile('{ "qty": lines.qty, "inner": { "a": 1 } }'), input);
      expect(result).to.deep.equal({ qty: [1, 2], inner: { a: 1 } });
      const plain = result as { qty: unknown; inner: unknown };
      expect(Object.getPrototypeOf(plain)).to.equal(Object.prototype);
      expect(Object.getPrototypeOf(plain.inner)).to.equal(Object.prototype);
      expect(Object.getPrototypeOf(plain.qty)).to.equal(Array.prototype);
    });

    it('copies objects taken from the input instead of returning them', async () => {
      const result = await evaluateExpression(compile('account'), input);
      expect(result).to.deep.equal(input.account);
      expect(result).to.not.equal(input.account);
    });

    it('keeps __proto__ as an ordinary key', async () => {
      const result = await evaluateExpression(compile('{ "__proto__": { "polluted": true } }'), {});
      expect(Object.getPrototypeOf(result)).to.equal(Object.prototype);
      expect(Object.keys(result as object)).to.deep.equal(['__proto__']);
    });

    it('refuses to return a function, pointing at the missing parentheses', async () => {
      const error = await rejection(evaluateExpression(compile('$now'), {}));
      expect(error).to.be.instanceOf(ExpressionEvaluationError);
      expect((error as Error).message).to.contain('did you leave out the parentheses');
    });
  });

  describe('evaluation errors', () => {
    it('reports a type error with jsonata\'s code and position', async () => {
      const error = await rejection(evaluateExpression(compile('"a" + 1'), {}));
      expect(error).to.be.instanceOf(ExpressionEvaluationError);
      expect(error).to.include({
        code: 'expression_failed',
        status: 422,
        jsonataCode: 'T2001',
        position: 5,
        message: 'the expression failed at position 5: the left side of the "+" operator must evaluate to a number',
      });
    });

    it('passes on the message of $error()', async () => {
      const error = await rejection(evaluateExpression(compile('amount < 0 ? $error("the amount cannot be negative")'), { amount: -1 }));
      expect((error as Error).message).to.match(/: the amount cannot be negative$/);
    });
  });

  describe('limits', () => {
    const runaways: [string, string][] = [
      ['endless tail recursion', '($f := function($n){ $f($n + 1) }; $f(0))'],
      // Each of 100,000 items sums 1,000 numbers: every list stays small, the work does not.
      ['a large range mapped item by item', '[1..100000].($sum([1..1000])) ~> $sum()'],
    ];
    for (const [what, source] of runaways) {
      it(`stops ${what} at the time limit`, async function () {
        this.timeout(10_000);
        const started = performance.now();
        const error = await rejection(evaluateExpression(compile(source), {}));
        const elapsed = performance.now() - started;
        expect(error).to.be.instanceOf(ExpressionTimeoutError);
        expect(error).to.include({ code: 'expression_timeout', message: 'the expression took longer than 100 ms and was stopped' });
        expect(elapsed).to.be.below(2000);
      });
    }

    it('counts the processor time an evaluation spends, not the time its process waits for the processor', async function () {
      this.timeout(10_000);
      // $user() here blocks the thread for 10 ms without using the processor, as a process starved
      // by a busy machine waits: forty of them take 400 ms on the clock and almost no processor time.
      const waiting = new Int32Array(new SharedArrayBuffer(4));
      const starve = () => {
        Atomics.wait(waiting, 0, 0, 10);
        return 1;
      };
      const started = performance.now();
      expect(await evaluateExpression(compile('$sum([1..40].($user()))'), {}, { user: starve })).to.equal(40);
      expect(performance.now() - started, 'longer than the limit on the clock').to.be.above(300);
      // Past ten times the limit on the clock, the backstop stops it all the same.
      const backstop = await rejection(evaluateExpression(compile('$sum([1..40].($user()))'), {}, { user: starve }, { timeoutMs: 20 }));
      expect(backstop).to.be.instanceOf(ExpressionTimeoutError).and.include({ timeoutMs: 20 });
    });

    it("does not count the processor time of the process's other threads", async function () {
      this.timeout(10_000);
      if (!threadCpuClock()) this.skip();
      // A worker spins on a processor the whole time the evaluation waits (as the store's checkpoint
      // workers or the garbage collector's threads may): the process spends far more than the
      // budget, the evaluating thread almost nothing.
      const spinner = new Worker('const until = Date.now() + 1500; while (Date.now() < until);', { eval: true });
      const exited = new Promise((resolve) => spinner.once('exit', resolve));
      try {
        await new Promise((resolve) => spinner.once('online', resolve));
        const waiting = new Int32Array(new SharedArrayBuffer(4));
        const starve = () => {
          Atomics.wait(waiting, 0, 0, 10);
          return 1;
        };
        const processBefore = process.cpuUsage();
        const value = await evaluateExpression(compile('$sum([1..40].($user()))'), {}, { user: starve });
        const processSpent = process.cpuUsage(processBefore);
        // A machine so loaded that the worker barely ran cannot show the difference (twice the budget, for the retry).
        if ((processSpent.user + processSpent.system) / 1000 < 2 * 100) this.skip();
        expect(value).to.equal(40);
      } finally {
        await spinner.terminate();
        await exited;
      }
    });

    it('stops a recursion that nests deeper than the depth limit', async () => {
      const error = await rejection(evaluateExpression(compile('($f := function($n){ 1 + $f($n + 1) }; $f(0))'), {}));
      expect(error).to.be.instanceOf(ExpressionTooDeepError);
      expect(error).to.include({ code: 'expression_too_deep', maxDepth: 500 });
    });

    it('takes other limits per call', async () => {
      const deep = compile('($f := function($n){ $n = 0 ? 0 : 1 + $f($n - 1) }; $f(limit))');
      expect(await evaluateExpression(deep, { limit: 50 })).to.equal(50);
      const error = await rejection(evaluateExpression(deep, { limit: 50 }, {}, { maxDepth: 40 }));
      expect(error).to.be.instanceOf(ExpressionTooDeepError).and.include({ maxDepth: 40 });
    });
  });

  describe('concurrency', () => {
    it('gives each of many simultaneous evaluations its own result', async () => {
      const expression = compile('amount * 2 & "/" & $user');
      const inputs = Array.from({ length: 50 }, (_, index) => index);
      const results = await Promise.all(inputs.map((index) => evaluateExpression(expression, { amount: index }, { user: `u${index}` })));
      expect(results).to.deep.equal(inputs.map((index) => `${index * 2}/u${index}`));
    });

    it('keeps time limits apart: a runaway is stopped while a slower, finite evaluation of the same expression finishes', async function () {
      this.timeout(20_000);
      const countTo = compile('($f := function($n){ $n >= limit ? $n : $f($n + 1) }; $f(0))');
      const started = performance.now();
      const [runaway, finite] = await Promise.allSettled([
        evaluateExpression(countTo, { limit: 1e15 }, {}, { timeoutMs: 30 }),
        evaluateExpression(countTo, { limit: 20_000 }, {}, { timeoutMs: 15_000 }).then((value) => ({
          value,
          elapsed: performance.now() - started,
        })),
      ]);
      expect(runaway.status === 'rejected' && runaway.reason).to.be.instanceOf(ExpressionTimeoutError).and.include({ timeoutMs: 30 });
      expect(finite.status === 'fulfilled' && finite.value.value).to.equal(20_000);
      // The finite evaluation must have outlived the runaway's limit, or the test proves nothing.
      expect(finite.status === 'fulfilled' && finite.value.elapsed).to.be.above(30);
    });
  });
});
