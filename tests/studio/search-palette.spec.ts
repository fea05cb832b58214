import { expect } from 'chai';
import type { ListView } from '../../studio/src/app/list/list-views';
import { appOptions, pageOptions, viewObjects, viewOptions } from '../../studio/src/app/search/palette-destinations';
import { canSearchRecords, moveActive, recordOptions, splitMatch, type SearchResult } from '../../studio/src/app/search/palette-options';
import type { UserApp } from '../../studio/src/shared/metadata/use-apps';
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

  const view = (name: string, label: string, extra: Partial<ListView> = {}): ListView => ({ name, object: 'deal', label, columns: ['name'], personal: false, ...extra });
  const DEAL_VIEWS = [view('won_deals', '已赢单商机', { filter: { stage: 'won' }, sort: ['-amount'] }), view('pipeline', '销售漏斗', { kanbanField: 'stage' }), view('my_big', '我的大单', { personal: true })];
  const TEXTS = { all: 'All records', personal: 'My view', kanban: 'Kanban' };

  it("asks for the views of the current app's objects, and of other objects only once the text names them", () => {
    expect(viewObjects(OBJECTS, ['deal'], 'en', '').map((object) => object.name)).to.deep.equal(['deal']);
    expect(viewObjects(OBJECTS, ['deal'], 'en', 'acc').map((object) => object.name)).to.deep.equal(['deal', 'account']);
    expect(viewObjects(OBJECTS, [], 'zh-CN', '客户').map((object) => object.name)).to.deep.equal(['account']);
    expect(viewObjects(OBJECTS, [], 'en', '').map((object) => object.name)).to.deep.equal([]);
  });

  it("offers an object's list and its views; a view by its label or API name, all of them by the object's", () => {
    const sources = [{ object: OBJECTS[0]!, views: DEAL_VIEWS }];
    const all = viewOptions(sources, 'zh-CN', '', TEXTS);
    expect(all.map((option) => option.label)).to.deep.equal(['商机', '已赢单商机', '销售漏斗', '我的大单']);
    expect(all.map((option) => option.detail)).to.deep.equal(['All records', '商机', '商机 · Kanban', '商机 · My view']);
    expect(all.every((option) => option.group === 'views')).to.equal(true);
    // The view's filter, sort and kanban go in the address, as picking it on the list does.
    expect(all[1]!.path).to.equal(`/o/deal?${new URLSearchParams({ view: 'won_deals', filter: '{"stage":"won"}', sort: '-amount' })}`);
    expect(all[2]!.path).to.equal('/o/deal?mode=kanban&group=stage&view=pipeline');
    expect(viewOptions(sources, 'zh-CN', '漏斗', TEXTS).map((option) => option.label)).to.deep.equal(['销售漏斗']);
    expect(viewOptions(sources, 'zh-CN', 'PIPE', TEXTS).map((option) => option.label)).to.deep.equal(['销售漏斗']);
    expect(viewOptions(sources, 'zh-CN', 'deals', TEXTS)).to.have.length(4);
  });

  it('labels views in Traditional Chinese under 繁中 and finds them by the Traditional text', async () => {
    await loadTraditional();
    const options = viewOptions([{ object: OBJECTS[0]!, views: DEAL_VIEWS }], 'zh-TW', '銷售', TEXTS);
    expect(options.map((option) => option.label)).to.deep.equal(['銷售漏斗']);
  });

  it("offers the user's apps by label or API name, the current one marked, opening at its first tab", () => {
    const apps: UserApp[] = [
      { name: 'sales', label: '销售', icon: 'DollarOutlined', tabs: [{ page: '/', label: null }, { object: 'deal', label: '商机' }] },
      { name: 'procurement', label: '采购', icon: 'ShoppingOutlined', tabs: [{ page: '/approvals', label: '审批' }] },
    ];
    const options = appOptions(apps, 'sales', 'zh-CN', '', 'Current app');
    expect(options.map((option) => [option.label, option.path, option.app, option.detail])).to.deep.equal([
      ['销售', '/o/deal', 'sales', 'Current app'],
      ['采购', '/approvals', 'procurement', undefined],
    ]);
    expect(appOptions(apps, 'sales', 'zh-CN', 'procure', '').map((option) => option.app)).to.deep.equal(['procurement']);
    expect(appOptions(apps, 'sales', 'zh-TW', '採購', '').map((option) => option.app)).to.deep.equal(['procurement']);
  });

  it('offers the fixed pages by their label or address', () => {
    const pages = [
      { path: '/', label: '首页' },
      { path: '/recycle-bin', label: '回收站' },
    ];
    expect(pageOptions(pages, '').map((option) => option.path)).to.deep.equal(['/', '/recycle-bin']);
    expect(pageOptions(pages, '回收').map((option) => option.path)).to.deep.equal(['/recycle-bin']);
    expect(pageOptions(pages, 'recycle').map((option) => [option.group, option.label])).to.deep.equal([['pages', '回收站']]);
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
