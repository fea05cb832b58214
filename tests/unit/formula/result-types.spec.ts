import { expect } from 'chai';
import { FormulaResultError, toResultType, type FormulaResultType } from '../../../engine/formula/index.js';

describe('formula result types', () => {
  const converted: [string, unknown, FormulaResultType, number | undefined, unknown][] = [
    ['text stays text', 'Acme', 'text', undefined, 'Acme'],
    ['a number becomes text as $string writes it', 0.1 + 0.2, 'text', undefined, '0.3'],
    ['a boolean becomes text', true, 'text', undefined, 'true'],
    ['a number stays a number without a scale', 1.23456, 'number', undefined, 1.23456],
    ['a number rounds to its scale', 1.23456, 'number', 2, 1.23],
    ['currency rounds half away from zero', 1.005, 'currency', 2, 1.01],
    ['negative currency rounds away from zero too', -2.345, 'currency', 2, -2.35],
    ['a percent rounds to its scale', 12.345, 'percent', 1, 12.3],
    ['a date keeps its YYYY-MM-DD', '2025-03-01', 'date', undefined, '2025-03-01'],
    ['a date-time gives its date as written', '2025-03-01T23:30:00.000Z', 'date', undefined, '2025-03-01'],
    ['a date-time in UTC stays as it is', '2025-03-01T09:30:00.000Z', 'datetime', undefined, '2025-03-01T09:30:00.000Z'],
    ['a date-time with an offset becomes UTC', '2025-03-01T08:00:00+08:00', 'datetime', undefined, '2025-03-01T00:00:00.000Z'],
    ['a date-time without offset is read as UTC', '2025-03-01T08:00:00', 'datetime', undefined, '2025-03-01T08:00:00.000Z'],
    ['a date becomes midnight UTC', '2025-03-01', 'datetime', undefined, '2025-03-01T00:00:00.000Z'],
    ['true stays true', true, 'boolean', undefined, true],
    ['false stays false', false, 'boolean', undefined, false],
    ['nothing stays nothing for text', null, 'text', undefined, null],
    ['nothing stays nothing for numbers', null, 'number', 2, null],
    ['nothing stays nothing for booleans', null, 'boolean', undefined, null],
  ];
  for (const [behaviour, value, type, scale, expected] of converted) {
    it(behaviour, () => {
      expect(toResultType(value, type, scale === undefined ? {} : { scale })).to.deep.equal(expected);
    });
  }

  const refused: [string, unknown, FormulaResultType, string][] = [
    ['text is not a number', 'abc', 'number', "the formula returned 'abc', which is not a number; $number() converts text to a number"],
    ['numeric text is not a number either', '12', 'currency', "the formula returned '12', which is not a number; $number() converts text to a number"],
    ['a boolean is not a number', true, 'percent', 'the formula returned true, which is not a number'],
    ['a list is not text', ['a', 'b'], 'text', 'the formula returned ["a","b"], which is not text; $join() turns a list into text, $string() anything else'],
    ['"yes" is not a boolean', 'yes', 'boolean', "the formula returned 'yes', which is not true or false; compare it, as in status = 'open'"],
    ['1 is not a boolean', 1, 'boolean', 'the formula returned 1, which is not true or false'],
    ['a day that does not exist is not a date', '2025-02-30', 'date', "the formula returned '2025-02-30', which is not a date; expected YYYY-MM-DD"],
    ['free text is not a date', 'next Monday', 'date', "the formula returned 'next Monday', which is not a date; expected YYYY-MM-DD"],
    ['milliseconds are not a date-time', 1740787200000, 'datetime', 'the formula returned 1740787200000, which is not a date-time; $fromMillis() turns milliseconds into a date-time'],
    ['a non-ISO date is not a date-time', 'March 1, 2025', 'datetime', "the formula returned 'March 1, 2025', which is not a date-time; expected an ISO date-time such as 2025-03-01T09:30:00Z"],
  ];
  for (const [behaviour, value, type, message] of refused) {
    it(`refuses: ${behaviour}`, () => {
      expect(() => toResultType(value, type, { scale: 2 }))
        .to.throw(FormulaResultError, message)
        .that.includes({ code: 'formula_result_invalid', status: 422 });
    });
  }

  it('cuts long values short in messages', () => {
    expect(() => toResultType('x'.repeat(200), 'number')).to.throw(FormulaResultError, /returned 'x{56}\.\.\., which/);
  });
});
