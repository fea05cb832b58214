import { expect } from 'chai';
import { canSearchRecords, destinationOptions, moveActive, recordOptions, splitMatch, type SearchResult } from '../../studio/src/app/search/palette-options';
import { loadTraditional } from '../../studio/src/shared/i18n/traditional';
import type { ObjectDefinition } from '../../studio/src/shared/metadata/object-definition';

const OBJECTS: ObjectDefinition[] = [
  {
    name: 'deal',
    label: { en: 'Deal', 'zh-CN': '商机' },
    pluralLabel: { en: 'Deals', 'zh-CN': '商机' },
    fields: [{ name: 'name', type: 'text' }, { name: 'notes', type: 'longtext', label: { en: 'Notes', 'zh-CN': '备注' } }],
  },
  { name: 'account', label: { en: 'Account', 'zh-CN': '客户' }, pluralLabel: { en: 'Accounts', 'zh-CN': '客户' }, fields: [{ name: 'name', type: 'text' }] },
];

describe('web app: the command palette', () => {
  it('searches records from two characters, or one Chinese character, as the server does', () => {
    expect(['', ' ', 'a', ' a '].map(canSearchRecords)).to.deep.equal([false, false, false, false]);
    expect(['ab', '京', ' 北京 ', '.*'].map(canSearchRecords)).to.deep.equal([true, true, true, true]);
  });

  it('offers home and every list before anything is typed, then those whose label or API name holds the text', () => {
    expect(destinationOptions(OBJECTS, 'en', '', 'Home').map((option) => option.path)).to.deep.equal(['/', '/o/deal', '/o/account']);
    expect(destinationOptions(OBJECTS, 'en', 'acc', 'Home').map((option) => option.label)).to.deep.equal(['Accounts']);
    expect(destinationOptions(OBJECTS, 'zh-CN', '客户', '首页').map((option) => option.path)).to.deep.equal(['/o/account']);
    // The English label and the API name find a list whatever the language shown.
    expect(destinationOptions(OBJECTS, 'zh-CN', 'deals', '首页').map((option) => option.label)).to.deep.equal(['商机']);
    expect(destinationOptions(OBJECTS, 'en', 'hom', 'Home').map((option) => option.group)).to.deep.equal(['pages']);
  });

  it("shows the server's results with the object's and matched field's labels from the cache, in Traditional Chinese too", async () => {
    await loadTraditional();
    const results: SearchResult[] = [
      { object: 'deal', objectLabel: '商机', id: 'a/1', name: '<b>Lotus</b>', rank: 'name' },
      { object: 'deal', objectLabel: '商机', id: 'b2', name: 'Pond', rank: 'field', matched: { field: 'notes', label: '备注', snippet: '…the lotus pond' } },
      { object: 'gone', objectLabel: '机会', id: 'c3', name: 'Other', rank: 'exact' },
    ];
    const options = recordOptions(results, OBJECTS, 'zh-TW');
    expect(options.map((option) => option.path)).to.deep.equal(['/o/deal/a%2F1', '/o/deal/b2', '/o/gone/c3']);
    expect(options.map((option) => option.label)).to.deep.equal(['<b>Lotus</b>', 'Pond', 'Other']);
    expect(options.map((option) => option.detail)).to.deep.equal(['商機', '商機 · 備註: …the lotus pond', '機會']);
  });

  it('moves the active option with the arrow keys, wrapping around, and jumps to the ends', () => {
    expect(moveActive(0, 3, 'ArrowDown')).to.equal(1);
    expect(moveActive(2, 3, 'ArrowDown')).to.equal(0);
    expect(moveActive(0, 3, 'ArrowUp')).to.equal(2);
    expect(moveActive(-1, 3, 'ArrowDown')).to.equal(0);
    expect(moveActive(1, 3, 'End')).to.equal(2);
    expect(moveActive(2, 3, 'Home')).to.equal(0);
    expect(moveActive(0, 0, 'ArrowDown')).to.equal(-1);
  });

  it('cuts a label around the typed text, ignoring case, to mark it', () => {
    expect(splitMatch('Blue Lotus Garden', 'lotus')).to.deep.equal(['Blue ', 'Lotus', ' Garden']);
    expect(splitMatch('北京科技', ' 科技 ')).to.deep.equal(['北京', '科技', '']);
    expect(splitMatch('Pond', 'lotus')).to.deep.equal(['Pond', '', '']);
    expect(splitMatch('Pond', '')).to.deep.equal(['Pond', '', '']);
  });
});
