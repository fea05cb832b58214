import { expect } from 'chai';
import { personalViewBody, renamedBody, viewColumns, viewParams, type ListView } from '../../studio/src/app/list/list-views';
import type { ObjectDefinition } from '../../studio/src/shared/metadata/object-definition';
import type { UserApp } from '../../studio/src/shared/metadata/use-apps';
import { navigation, selectedTab } from '../../studio/src/shared/shell/navigation';

const SALES: UserApp = { name: 'sales', label: 'Sales', icon: 'DollarOutlined', tabs: [{ object: 'deal', label: 'Deals' }, { page: '/approvals', label: 'Approvals' }] };
const SERVICE: UserApp = { name: 'service', label: 'Service', icon: 'CustomerServiceOutlined', tabs: [{ page: '/', label: null }, { object: 'case', label: 'Cases' }] };
const OBJECTS = [
  { name: 'deal', label: 'Deals' },
  { name: 'account', label: 'Accounts' },
];

describe('web app: navigation by app', () => {
  it('shows the remembered app when the user still has it, else their first, Home first', () => {
    expect(navigation([SALES, SERVICE], OBJECTS, 'service')).to.deep.equal({
      app: SERVICE,
      tabs: [
        { path: '/', label: null, kind: 'home' },
        { path: '/o/case', label: 'Cases', kind: 'object' },
      ],
    });
    const first = navigation([SALES, SERVICE], OBJECTS, 'gone');
    expect(first.app).to.equal(SALES);
    expect(first.tabs.map((tab) => tab.path)).to.deep.equal(['/', '/o/deal', '/approvals']);
  });

  it('lists the readable objects as before when the user has no app', () => {
    expect(navigation([], OBJECTS, 'sales')).to.deep.equal({
      app: undefined,
      tabs: [
        { path: '/', label: null, kind: 'home' },
        { path: '/o/deal', label: 'Deals', kind: 'object' },
        { path: '/o/account', label: 'Accounts', kind: 'object' },
      ],
    });
    expect(navigation([], [], null).tabs).to.deep.equal([{ path: '/', label: null, kind: 'home' }]);
  });

  it('marks the tab of a record and of a new record as the object\'s tab', () => {
    const tabs = navigation([SALES], [], null).tabs;
    expect(selectedTab(tabs, '/o/deal/abc')).to.equal('/o/deal');
    expect(selectedTab(tabs, '/o/deal/new')).to.equal('/o/deal');
    expect(selectedTab(tabs, '/')).to.equal('/');
    expect(selectedTab(tabs, '/o/dealer')).to.equal(undefined);
  });
});

describe('web app: list views', () => {
  const DEAL: ObjectDefinition = {
    name: 'deal',
    fields: [
      { name: 'name', type: 'text' },
      { name: 'amount', type: 'currency' },
      { name: 'stage', type: 'picklist' },
    ],
  };
  const WON: ListView = { name: 'won', object: 'deal', label: 'Won', columns: ['stage', 'gone', 'name'], filter: { stage: 'won' }, sort: ['-amount', 'name'], personal: false };

  it('puts a picked view\'s name, filter and sort in the address, keeping the search; no view clears them', () => {
    const picked = viewParams(new URLSearchParams('q=acme&sort=name&filter=%7B%7D&size=50'), WON);
    expect(Object.fromEntries(picked)).to.deep.equal({ q: 'acme', size: '50', view: 'won', filter: '{"stage":"won"}', sort: '-amount,name' });
    expect(Object.fromEntries(viewParams(picked, undefined))).to.deep.equal({ q: 'acme', size: '50' });
  });

  it('opens a view with a kanban field as a board grouped by it, and any other view (or none) as the table', () => {
    const board = viewParams(new URLSearchParams('q=acme&mode=kanban&group=other'), { ...WON, kanbanField: 'stage' });
    expect(Object.fromEntries(board)).to.deep.include({ q: 'acme', mode: 'kanban', group: 'stage', view: 'won' });
    expect(Object.fromEntries(viewParams(board, WON))).to.deep.equal({ q: 'acme', view: 'won', filter: '{"stage":"won"}', sort: '-amount,name' });
    expect(Object.fromEntries(viewParams(board, undefined))).to.deep.equal({ q: 'acme' });
    // A scrolling table stays one: only a board is left for the table.
    expect(viewParams(new URLSearchParams('mode=scroll'), WON).get('mode')).to.equal('scroll');
  });

  it('shows the view\'s columns that the object still has, else the object\'s first ones', () => {
    expect(viewColumns(DEAL, WON).map((field) => field.name)).to.deep.equal(['stage', 'name']);
    expect(viewColumns(DEAL, undefined).map((field) => field.name)).to.deep.equal(['name', 'amount', 'stage']);
  });

  it('saves the list as it stands: its columns, the address\'s filter and sort, the name in every language', () => {
    const params = new URLSearchParams({ filter: '{"amount":{"gte":100}}', sort: '-amount' });
    expect(personalViewBody('  Big ones ', viewColumns(DEAL, undefined), params)).to.deep.equal({
      label: { en: 'Big ones', 'zh-CN': 'Big ones' },
      columns: ['name', 'amount', 'stage'],
      filter: { amount: { gte: 100 } },
      sort: ['-amount'],
    });
    expect(personalViewBody('x', [], new URLSearchParams('filter=not-json'))).to.deep.equal({ label: { en: 'x', 'zh-CN': 'x' }, columns: [] });
    expect(renamedBody({ ...WON, personal: true }, '大单')).to.deep.equal({ label: { en: '大单', 'zh-CN': '大单' }, columns: WON.columns, filter: WON.filter, sort: WON.sort });
  });
});
