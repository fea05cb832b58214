import { expect } from 'chai';
import { booleanCell, dateCell, dateTimeCell, numberCell } from '../../../engine/records/import/cell-values.js';
import { delimiterOf } from '../../../engine/records/import/read-table.js';

const valueOf = (read: ReturnType<typeof numberCell>) => ('value' in read ? read.value : 'problem' in read ? 'problem' : 'parent');

describe('import cells: the formats people type', () => {
  const numbers: [string, '.' | ',', unknown][] = [
    ['1234.5', '.', 1234.5],
    ['1,234.50', '.', 1234.5],
    ['1.234,50', '.', 1234.5],
    ['1,234.50', ',', 1234.5],
    ['1.234,50', ',', 1234.5],
    ['1,5', ',', 1.5],
    ['1,234', '.', 1234],
    ['1.234', ',', 1234],
    ['-12', '.', -12],
    ['(5,000)', '.', -5000],
    ['¥ 1,000', '.', 1000],
    ['1 234,5', ',', 1234.5],
    ["'-3", '.', -3],
    ['12,34', '.', 'problem'],
    ['1.2.3', '.', 'problem'],
    ['abc', '.', 'problem'],
    ['', '.', 'problem'],
  ];
  for (const [text, decimal, expected] of numbers) {
    it(`reads '${text}' with '${decimal}' as the decimal separator as ${String(expected)}`, () => {
      expect(valueOf(numberCell(text, decimal))).to.equal(expected);
    });
  }

  const dates: [string, 'MDY' | 'DMY' | 'YMD', unknown][] = [
    ['2017-03-01', 'DMY', '2017-03-01'],
    ['2017-03-01T00:00:00.000Z', 'MDY', '2017-03-01'],
    ['3/1/2017', 'MDY', '2017-03-01'],
    ['1/3/2017', 'DMY', '2017-03-01'],
    ['01.03.2017', 'DMY', '2017-03-01'],
    ['2017/3/1', 'MDY', '2017-03-01'],
    ['2017年3月1日', 'MDY', '2017-03-01'],
    ['2/30/2017', 'MDY', 'problem'],
    ['13/1/2017', 'MDY', 'problem'],
    ['3/1/17', 'MDY', 'problem'],
    ['3/1/2017', 'YMD', 'problem'],
  ];
  for (const [text, order, expected] of dates) {
    it(`reads the date '${text}' in ${order} order as ${String(expected)}`, () => {
      expect(valueOf(dateCell(text, order))).to.equal(expected);
    });
  }

  it('reads dates with times in UTC, and ISO date-times as they are', () => {
    expect(valueOf(dateTimeCell('2017-03-01 14:30', 'MDY'))).to.equal('2017-03-01T14:30:00.000Z');
    expect(valueOf(dateTimeCell('3/1/2017 9:05:07', 'MDY'))).to.equal('2017-03-01T09:05:07.000Z');
    expect(valueOf(dateTimeCell('2017-03-01T14:30:00+08:00', 'MDY'))).to.equal('2017-03-01T06:30:00.000Z');
    expect(valueOf(dateTimeCell('2017-03-01 25:00', 'MDY'))).to.equal('problem');
  });

  const booleans: [string | boolean, unknown][] = [
    ['true', true],
    ['FALSE', false],
    ['yes', true],
    ['No', false],
    ['是', true],
    ['否', false],
    ['1', true],
    ['0', false],
    [true, true],
    ['maybe', 'problem'],
  ];
  for (const [cell, expected] of booleans) {
    it(`reads '${String(cell)}' as ${String(expected)}`, () => {
      expect(valueOf(booleanCell(cell, String(cell)))).to.equal(expected);
    });
  }

  it('finds the separator of a CSV in its header line', () => {
    expect(delimiterOf('a,b,c\n1;2')).to.equal(',');
    expect(delimiterOf('a;b;c\n1,2')).to.equal(';');
    expect(delimiterOf('a\tb\n')).to.equal('\t');
  });
});
