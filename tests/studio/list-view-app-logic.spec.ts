import { expect } from 'chai';
import { appDefinitionOf, appDraftOf, appErrors, EMPTY_APP, tabKey, withObjectTab, type AppDefinition } from '../../studio/src/app/setup/apps/app-draft';
import { EMPTY_LIST_VIEW, listViewDefinitionOf, listViewDraftOf, listViewErrors, type ListViewDefinition } from '../../studio/src/app/setup/list-views/list-view-draft';
import { moveItem } from '../../studio/src/app/setup/move-item';

describe('web app: list view editor', () => {
  const base = { ...EMPTY_LIST_VIEW, labelEn: 'Won deals', labelZh: '赢单', name: 'won_deals', columns: ['title', 'amount', 'stage'] };

  it('saves columns in their order, conditions as the filter language and the sort as the list takes it', () => {
    const draft = {
      ...base,
      filter: { join: 'and' as const, rows: [{ field: 'stage', operator: 'eq' as const, value: 'won' }, { field: 'amount', operator: 'gte' as const, value: 1000 }] },
      sortField: 'amount',
      sortDescending: true,
    };
    expect(listViewDefinitionOf(draft, 'deal')).to.deep.equal({
      name: 'won_deals',
      object: 'deal',
      label: { en: 'Won deals', 'zh-CN': '赢单' },
      columns: ['title', 'amount', 'stage'],
      filter: { and: [{ stage: { eq: 'won' } }, { amount: { gte: 1000 } }] },
      sort: ['-amount'],
    });
  });

  it('leaves out what is default: no conditions, no sort, shown to everyone (even with sets picked before)', () => {
    const saved = listViewDefinitionOf({ ...base, labelZh: '', permissionSets: ['sales'], audience: 'everyone', filter: { join: 'or', rows: [{ field: 'stage', operator: 'eq', value: undefined }] } }, 'deal');
    expect(saved).to.deep.equal({ name: 'won_deals', object: 'deal', label: { en: 'Won deals' }, columns: ['title', 'amount', 'stage'] });
  });

  it('names the permission sets of a view shown to some of them', () => {
    expect(listViewDefinitionOf({ ...base, audience: 'permissionSets', permissionSets: ['sales', 'managers'] }, 'deal').permissionSets).to.deep.equal(['sales', 'managers']);
  });

  it('reads a view back unchanged, keeping conditions it cannot show as rows and sort keys after the first', () => {
    const view: ListViewDefinition = {
      name: 'tricky',
      object: 'deal',
      label: { en: 'Tricky' },
      columns: ['title'],
      filter: { or: [{ and: [{ stage: 'won' }, { amount: { gt: 5 } }] }, { stage: 'lost' }] },
      sort: ['-amount', 'title'],
      kanbanField: 'stage',
      permissionSets: ['sales'],
    };
    const draft = listViewDraftOf(view);
    expect(draft).to.deep.include({ custom: view.filter, sortField: 'amount', sortDescending: true, moreSort: ['title'], audience: 'permissionSets', kanbanField: 'stage' });
    expect(draft.filter.rows).to.deep.equal([]);
    expect(listViewDefinitionOf(draft, 'deal')).to.deep.equal(view);
  });

  it('conditions added in the editor replace the ones it could not show; a first sort key is not repeated after', () => {
    const draft = { ...listViewDraftOf({ name: 'v', object: 'deal', columns: ['title'], filter: { or: [{ and: [{ a: 1 }, { b: 2 }] }] }, sort: ['amount', 'title'] }) };
    const changed = { ...draft, filter: { join: 'and' as const, rows: [{ field: 'stage', operator: 'eq' as const, value: 'won' }] }, sortField: 'title', sortDescending: true };
    expect(listViewDefinitionOf(changed, 'deal')).to.deep.include({ filter: { stage: { eq: 'won' } }, sort: ['-title'] });
  });

  it("puts the server's problems on the control that caused them", () => {
    const { controls, form } = listViewErrors([
      { path: '/columns/1', message: 'no such field' },
      { path: '/filter/and/0/amount/contains', message: 'not for numbers' },
      { path: '/sort', message: 'cannot be sorted by' },
      { path: '/kanbanField', message: 'not a picklist' },
      { path: '/permissionSets/0', message: 'unknown' },
      { path: '/label/zh-CN', message: 'too long' },
      { path: '/object', message: 'gone' },
    ]);
    expect(controls).to.deep.equal({ columns: ['no such field'], filter: ['not for numbers'], sortField: ['cannot be sorted by'], kanbanField: ['not a picklist'], permissionSets: ['unknown'], labelZh: ['too long'] });
    expect(form).to.deep.equal(['/object: gone']);
  });
});

describe('web app: app editor', () => {
  const sales: AppDefinition = {
    name: 'sales',
    label: { en: 'Sales', 'zh-CN': '销售' },
    icon: 'DollarOutlined',
    order: 2,
    tabs: [{ page: '/', label: { en: 'Start' } }, { object: 'deal' }, { page: '/approvals' }],
    permissionSets: ['sales'],
  };

  it('reads an app back unchanged, page tabs with their labels', () => {
    expect(appDefinitionOf(appDraftOf(sales))).to.deep.equal(sales);
  });

  it('starts a new app with the home tab, and saves only what differs from the defaults', () => {
    expect(appDefinitionOf({ ...EMPTY_APP, labelEn: ' Support ', name: 'support', order: 0 })).to.deep.equal({ name: 'support', label: { en: 'Support' }, tabs: [{ page: '/' }] });
  });

  it('shows an app to every user when its audience says so, whatever sets were picked before', () => {
    expect(appDefinitionOf({ ...appDraftOf(sales), audience: 'everyone' })).to.not.have.property('permissionSets');
  });

  it('adds an object tab at the end once, and reorders tabs by position', () => {
    const tabs = withObjectTab(sales.tabs, 'account');
    expect(tabs.map(tabKey)).to.deep.equal(['page:/', 'object:deal', 'page:/approvals', 'object:account']);
    expect(withObjectTab(tabs, 'deal')).to.deep.equal(tabs);
    expect(moveItem(tabs, 3, 1).map(tabKey)).to.deep.equal(['page:/', 'object:account', 'object:deal', 'page:/approvals']);
    expect(moveItem(tabs, 0, 9)).to.deep.equal(tabs);
  });

  it("puts the server's problems on the control that caused them", () => {
    const { controls, form } = appErrors([
      { path: '/tabs/1/object', message: 'no such object' },
      { path: '/tabs/2', message: 'repeats tab 1' },
      { path: '/icon', message: 'not an icon' },
      { path: '/permissionSets/0', message: 'unknown' },
      { path: '/order', message: 'too big' },
    ]);
    expect(controls).to.deep.equal({ tabs: ['no such object', 'repeats tab 1'], icon: ['not an icon'], permissionSets: ['unknown'], order: ['too big'] });
    expect(form).to.deep.equal([]);
  });
});
