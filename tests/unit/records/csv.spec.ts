import { expect } from 'chai';
import { csvCell, csvRow } from '../../../engine/records/export/csv.js';

describe('CSV cells', () => {
  describe('defuse text a spreadsheet would run as a formula, whatever the value', () => {
    const cases: [string, unknown, string][] = [
      ['text starting with =', '=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
      ['text starting with +', '+1+1', "'+1+1"],
      ['text starting with -', '-2+3', "'-2+3"],
      ['text starting with @', '@SUM(A1)', "'@SUM(A1)"],
      ['text starting with a tab', '\t=1', "'\t=1"],
      ['text starting with a carriage return', '\r=1', `"'\r=1"`],
      ['text starting with a full-width equals sign', '＝1+1', "'＝1+1"],
      ['text starting with a full-width plus', '＋1', "'＋1"],
      ['text starting with a full-width minus', '－1', "'－1"],
      ['text starting with a full-width at sign', '＠A1', "'＠A1"],
      ['a list whose first item is a formula', ['=1+1', 'vip'], `"'=1+1;vip"`],
      ['a list whose later item is a formula', ['vip', '=1+1'], `"vip;'=1+1"`],
      ['a list of full-width formulas', ['＠A1', '－1'], `"'＠A1;'－1"`],
      ['a list inside a list', [['=1']], "'=1"],
      ['an object whose text is a formula', { '=x': 1 }, `"{""=x"":1}"`],
    ];
    for (const [behaviour, value, cell] of cases) it(behaviour, () => expect(csvCell(value)).to.equal(cell));
  });

  describe('leaves alone what cannot run', () => {
    const cases: [string, unknown, string][] = [
      ['a negative number', -12.5, '-12.5'],
      ['a boolean', false, 'false'],
      ['plain text', 'Alpha', 'Alpha'],
      ['text with = inside', 'a=b', 'a=b'],
      ['an empty value', null, ''],
      ['Chinese text', '华为 项目', '华为 项目'],
    ];
    for (const [behaviour, value, cell] of cases) it(behaviour, () => expect(csvCell(value)).to.equal(cell));
  });

  it('defuses header cells too', () => expect(csvRow(['_id', '=name'])).to.equal("_id,'=name\r\n"));
});
