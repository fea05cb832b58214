import { expect } from 'chai';
import { fieldTypes, formulaOperators, type ResolvedFormulaField } from '../../engine/fields/index.js';
import { runEach } from '../../studio/src/app/list/bulk/run-each';
import { exportHref } from '../../studio/src/app/list/export-button';
import { setServerLanguage } from '../../studio/src/shared/api/api-client';
import { operatorsOf } from '../../studio/src/app/list/filter/filter-operators';
import { filterToModel, isComplete, modelToFilter, parseFilterParam, rowOperatorsOf, type FilterModel } from '../../studio/src/app/list/filter/filter-rows';
import { editableFields } from '../../studio/src/app/list/inline/editable-fields';
import { columnFilter, kanbanColumns, moveCard } from '../../studio/src/app/list/kanban/kanban-columns';
import { listLayout, modeParam } from '../../studio/src/app/list/list-mode';
import { addressState, listQuery, viewFilter } from '../../studio/src/app/list/list-query';
import type { FormDefinition } from '../../studio/src/shared/forms/form-definition';
import type { ObjectDefinition } from '../../studio/src/shared/metadata/object-definition';
import { formatValue } from '../../studio/src/shared/metadata/format-value';

const DEAL: ObjectDefinition = {
  name: 'deal',
  fields: [
    { name: 'name', type: 'text' },
    { name: 'amount', type: 'currency' },
    { name: 'stage', type: 'picklist', values: [{ value: 'open', label: { en: 'Open', 'zh-CN': '进行中' } }, 'won'] },
    { name: 'number', type: 'autonumber' },
    { name: 'score', type: 'formula', resultType: 'number' },
    { name: 'notes', type: 'json' },
  ],
};

describe('web app: the filter builder\'s operators', () => {
  it('offers on every field type exactly the operators the engine accepts', () => {
    for (const [type, definition] of Object.entries(fieldTypes)) {
      if (type === 'formula') continue;
      expect([...operatorsOf({ name: 'f', type })].sort(), type).to.deep.equal([...definition.operators].sort());
    }
  });

  it('offers on a formula the operators of the type it returns', () => {
    for (const resultType of ['text', 'number', 'currency', 'percent', 'date', 'datetime', 'boolean'] as const) {
      const engine = formulaOperators({ type: 'formula', resultType } as ResolvedFormulaField);
      expect([...operatorsOf({ name: 'f', type: 'formula', resultType })].sort(), resultType).to.deep.equal([...engine].sort());
    }
  });

  it('offers nothing on a type it does not know, rather than guessing', () => {
    expect(operatorsOf({ name: 'f', type: 'hologram' })).to.deep.equal([]);
  });

  it('splits isNull into "is empty" and "is not empty"', () => {
    expect(rowOperatorsOf(['eq', 'isNull'])).to.deep.equal(['eq', 'isEmpty', 'isNotEmpty']);
  });
});

describe('web app: builder rows and the filter language', () => {
  const cases: { name: string; model: FilterModel; filter: unknown }[] = [
    { name: 'one condition', model: { join: 'and', rows: [{ field: 'amount', operator: 'gte', value: 1000 }] }, filter: { amount: { gte: 1000 } } },
    {
      name: 'conditions joined by and',
      model: { join: 'and', rows: [{ field: 'stage', operator: 'in', value: ['open', 'won'] }, { field: 'name', operator: 'contains', value: 'Acme' }] },
      filter: { and: [{ stage: { in: ['open', 'won'] } }, { name: { contains: 'Acme' } }] },
    },
    {
      name: 'conditions joined by or, with the empty checks',
      model: { join: 'or', rows: [{ field: 'amount', operator: 'isEmpty', value: undefined }, { field: 'name', operator: 'isNotEmpty', value: undefined }] },
      filter: { or: [{ amount: { isNull: true } }, { name: { isNull: false } }] },
    },
  ];
  for (const case_ of cases) {
    it(`turns ${case_.name} into the filter language and back`, () => {
      expect(modelToFilter(case_.model)).to.deep.equal(case_.filter);
      expect(filterToModel(case_.filter)).to.deep.equal(case_.model);
    });
  }

  it('leaves incomplete rows out, and no rows means no filter', () => {
    const model: FilterModel = { join: 'and', rows: [{ field: 'name', operator: 'eq', value: '' }, { field: 'stage', operator: 'in', value: [] }] };
    expect(model.rows.map(isComplete)).to.deep.equal([false, false]);
    expect(modelToFilter(model)).to.equal(undefined);
  });

  it('reads bare values and several fields of one object as equality rows joined by and', () => {
    expect(filterToModel({ stage: 'won', amount: { gt: 5, lt: 9 } })).to.deep.equal({
      join: 'and',
      rows: [
        { field: 'stage', operator: 'eq', value: 'won' },
        { field: 'amount', operator: 'gt', value: 5 },
        { field: 'amount', operator: 'lt', value: 9 },
      ],
    });
  });

  it('gives up on what rows joined by one and/or cannot say', () => {
    expect(filterToModel({ or: [{ and: [{ stage: 'won' }] }] })).to.equal(undefined);
    expect(filterToModel({ or: [{ stage: 'won', amount: 1 }] })).to.equal(undefined);
    expect(filterToModel({ amount: { $where: 1 } })).to.equal(undefined);
  });

  it('reads the address\'s filter only when it is a JSON object', () => {
    expect(parseFilterParam('{"stage":"won"}')).to.deep.equal({ stage: 'won' });
    expect(parseFilterParam('[1]')).to.equal(undefined);
    expect(parseFilterParam('{oops')).to.equal(undefined);
    expect(parseFilterParam(null)).to.equal(undefined);
  });

  it('sends the builder\'s filter and the search together, both to hold', () => {
    const query = listQuery(DEAL, [], { sort: '', search: 'Ac', size: 20, cursor: undefined, filter: { stage: 'won' } }, [DEAL]);
    expect(JSON.parse(String(query.filter))).to.deep.equal({ and: [{ stage: 'won' }, { or: [{ name: { contains: 'Ac' } }, { number: { contains: 'Ac' } }] }] });
    expect(viewFilter(DEAL, '', { stage: 'won' })).to.deep.equal({ stage: 'won' });
    expect(viewFilter(DEAL, '', undefined)).to.equal(undefined);
  });
});

describe('web app: list actions', () => {
  it('edits in place only the fields the form offers and does not mark read-only', () => {
    const form = {
      object: 'deal',
      layout: null,
      language: 'en',
      schema: { type: 'object', properties: { name: { type: 'string' }, amount: { type: 'number' }, number: { type: 'string', readOnly: true }, stage: { type: 'string' } } },
      uiSchema: { stage: { 'ui:readonly': true } },
    } as FormDefinition;
    expect([...editableFields(form, DEAL.fields)]).to.deep.equal(['name', 'amount']);
    expect(editableFields(undefined, DEAL.fields).size).to.equal(0);
  });

  it('runs a bulk action on every record and reports each failure with its message, in order', async () => {
    const result = await runEach(['a', 'b', 'c', 'd', 'e'], async (id) => {
      if (id === 'b' || id === 'e') throw new Error(`${id} refused`);
    }, (error) => `said: ${(error as Error).message}`, 2);
    expect(result.succeeded).to.deep.equal(['a', 'c', 'd']);
    expect(result.failed).to.deep.equal([{ id: 'b', message: 'said: b refused' }, { id: 'e', message: 'said: e refused' }]);
  });

  it('makes a kanban column per picklist value with its label, and one for no value', () => {
    expect(kanbanColumns(DEAL.fields[2]!, 'zh-CN', 'None')).to.deep.equal([
      { value: 'open', label: '进行中' },
      { value: 'won', label: 'won' },
      { value: null, label: 'None' },
    ]);
    expect(columnFilter('stage', null, { amount: { gt: 1 } })).to.deep.equal({ and: [{ amount: { gt: 1 } }, { stage: { isNull: true } }] });
    expect(columnFilter('stage', 'won', undefined)).to.deep.equal({ stage: 'won' });
  });

  it('moves a card between two columns with their counts, the card carrying its new value', () => {
    const from = { records: [{ _id: '1', stage: 'open' }, { _id: '2', stage: 'open' }], next: null, total: 2 };
    const to = { records: [{ _id: '3', stage: 'won' }], next: null, total: 1 };
    const moved = moveCard(from, to, '1', 'stage', 'won');
    expect(moved.from).to.deep.equal({ records: [{ _id: '2', stage: 'open' }], next: null, total: 1 });
    expect(moved.to).to.deep.equal({ records: [{ _id: '1', stage: 'won' }, { _id: '3', stage: 'won' }], next: null, total: 2 });
    expect(moveCard(from, to, 'missing', 'stage', 'won')).to.deep.equal({ from, to });
  });

  it('exports the view\'s columns, filter and sort', () => {
    const href = exportHref('deal', DEAL.fields.slice(0, 2), { stage: 'won' }, '-amount');
    const url = new URL(href, 'http://x');
    expect(url.pathname).to.equal('/api/v1/records/deal/export');
    expect(url.searchParams.get('fields')).to.equal('name,amount');
    expect(JSON.parse(url.searchParams.get('filter')!)).to.deep.equal({ stage: 'won' });
    expect(url.searchParams.get('sort')).to.equal('-amount');
    expect(url.searchParams.get('lookups'), 'lookups as their parents\' names, as the list shows them').to.equal('name');
    expect(url.searchParams.get('labels'), 'headers and picklist values as the list shows them').to.equal('true');
    setServerLanguage('zh-TW');
    try {
      expect(new URL(exportHref('deal', DEAL.fields.slice(0, 2), undefined, ''), 'http://x').searchParams.get('lang'), "in the app's language, which a link does not send").to.equal('zh-TW');
    } finally {
      setServerLanguage('en');
    }
  });

  it('reads the list mode from the address, kanban only with a picklist', () => {
    const layout = (query: string, picklists: readonly string[], view?: string) => listLayout(new URLSearchParams(query), picklists, view);
    expect(layout('mode=kanban', ['stage'])).to.deep.equal({ mode: 'kanban', group: 'stage' });
    expect(layout('mode=kanban', [])).to.deep.equal({ mode: 'pages', group: undefined });
    expect(layout('mode=scroll', [])).to.deep.equal({ mode: 'scroll', group: undefined });
    expect(layout('', ['stage'])).to.deep.equal({ mode: 'pages', group: undefined });
    expect(layout('mode=kanban&group=gone', ['stage', 'kind'])).to.deep.equal({ mode: 'kanban', group: 'stage' });
  });

  it('opens a kanban view named by the address without a mode as its board, and keeps a mode the address names', () => {
    const layout = (query: string, view?: string) => listLayout(new URLSearchParams(query), ['stage', 'kind'], view);
    expect(layout('view=board', 'kind')).to.deep.equal({ mode: 'kanban', group: 'kind' });
    expect(layout('view=board&filter=%7B%7D', 'kind'), 'a filter in the address changes nothing').to.deep.equal({ mode: 'kanban', group: 'kind' });
    expect(layout('view=board&group=stage', 'kind')).to.deep.equal({ mode: 'kanban', group: 'stage' });
    expect(layout('view=board&mode=pages', 'kind')).to.deep.equal({ mode: 'pages', group: undefined });
    expect(layout('view=board&mode=scroll', 'kind')).to.deep.equal({ mode: 'scroll', group: undefined });
    expect(layout('view=board', 'removed'), 'a picklist the object no longer has opens no board').to.deep.equal({ mode: 'pages', group: undefined });
    // Picking the table under a kanban view must say so in the address, or the board comes back.
    expect(modeParam('pages', 'kind')).to.equal('pages');
    expect(modeParam('pages', undefined)).to.equal(undefined);
    expect(modeParam('kanban', undefined)).to.equal('kanban');
  });
});

describe('web app: what the address says about a list (read alike by the page and its loader)', () => {
  it('reads sort, search, a page size it offers and the filter, and gives one key per set of records', () => {
    const state = addressState(new URLSearchParams({ sort: '-amount', q: 'acme', size: '50', filter: '{"stage":{"eq":"open"}}' }));
    expect(state).to.deep.include({ sort: '-amount', search: 'acme', size: 50, filter: { stage: { eq: 'open' } } });
    expect(state.viewKey).to.equal('-amount|acme|50|{"stage":{"eq":"open"}}');
  });

  it('falls back to the first page size and no filter, and a new sort is a new key', () => {
    const plain = addressState(new URLSearchParams({ size: '7', filter: 'not json' }));
    expect(plain).to.deep.include({ sort: '', search: '', size: 20, filter: undefined });
    expect(addressState(new URLSearchParams({ sort: 'name' })).viewKey).to.not.equal(addressState(new URLSearchParams({ sort: '-name' })).viewKey);
  });
});

describe('web app: cell values with cached formatters', () => {
  const texts = { yes: 'Yes', no: 'No', empty: '—' };
  it('writes dates and numbers as before, once per language and options', () => {
    const at = '2026-03-04T05:06:07.000Z';
    for (const [language, locale] of [['en', 'en-US'], ['zh-CN', 'zh-CN'], ['zh-TW', 'zh-TW']] as const) {
      expect(formatValue({ name: 'at', type: 'datetime' }, at, language, texts)).to.equal(new Date(at).toLocaleString(locale));
      expect(formatValue({ name: 'amount', type: 'currency', scale: 2 }, 1234.5, language, texts)).to.equal(`${(1234.5).toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);
    }
    expect(formatValue({ name: 'share', type: 'percent', scale: 1 }, 12.345, 'en', texts)).to.equal('12.3 %');
    expect(formatValue({ name: 'share', type: 'percent', scale: 0 }, 12.345, 'en', texts)).to.equal('12 %');
  });

  it('writes a formula as a field of the type it results in', () => {
    expect(formatValue({ name: 'with_tax', type: 'formula', resultType: 'number' }, 67800, 'zh-CN', texts)).to.equal('67,800');
    expect(formatValue({ name: 'gross', type: 'formula', resultType: 'currency', scale: 2 }, 1234.5, 'en', texts)).to.equal('1,234.50');
    expect(formatValue({ name: 'big', type: 'formula', resultType: 'boolean' }, true, 'en', texts)).to.equal('Yes');
    expect(formatValue({ name: 'label', type: 'formula', resultType: 'text' }, 'A & B', 'en', texts)).to.equal('A & B');
  });
});
