import { expect } from 'chai';
import { createRecord, defineObject, expectError, listPath, listRecords } from '../support/api-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

const DEALS: Record<string, unknown>[] = [
  { title: 'Alpha', amount: 500, stage: 'new', tags: ['hot'], closed_on: '2030-01-10', won: false, contact: 'ann@example.com' },
  { title: 'Bravo', amount: 12000, stage: 'won', tags: ['hot', 'key'], closed_on: '2030-02-01', won: true },
  { title: 'Charlie', amount: 12000, stage: 'won', tags: ['key'], closed_on: '2030-03-15', won: true, contact: 'carl@example.org' },
  { title: 'delta', amount: 2500, stage: 'lost', closed_on: '2030-03-15', won: false },
  { title: 'Echo', stage: 'new', notes: 'Call back about C++ (beta) licences' },
  { title: 'Foxtrot', amount: 0, stage: 'lost', tags: ['cold'], won: false },
  { title: 'Golf', amount: 7500.5, stage: 'new', tags: ['cold', 'key'], closed_on: '2030-12-31' },
  { title: 'C++ (beta)', amount: 99.99, stage: 'won', won: true, contact: 'bob@example.com' },
];

describe('records API: list, filter, sort, select, limit, total', () => {
  let engine: TestEngine;
  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, {
      name: 'deal',
      fields: [
        { name: 'title', type: 'text', required: true },
        { name: 'amount', type: 'currency' },
        { name: 'stage', type: 'picklist', values: ['new', 'won', 'lost'] },
        { name: 'tags', type: 'multipicklist', values: ['hot', 'cold', 'key'] },
        { name: 'closed_on', type: 'date' },
        { name: 'won', type: 'boolean' },
        { name: 'contact', type: 'email' },
        { name: 'notes', type: 'longtext' },
        { name: 'payload', type: 'json' },
      ],
    });
    for (const deal of DEALS) await createRecord(engine, 'deal', deal);
  });
  after(async () => {
    await engine.stop();
  });

  const titles = (records: Record<string, any>[]) => records.map((record) => record.title as string);

  it('lists the records with no next page and no total unless asked', async () => {
    const page = await listRecords(engine, 'deal');
    expect(page.records).to.have.length(DEALS.length);
    expect(page.next).to.equal(null);
    expect(page.total).to.equal(null);
  });

  describe('filters with each operator of the filter language', () => {
    const cases: { does: string; filter: unknown; expected: string[] }[] = [
      { does: 'a bare value as equality', filter: { stage: 'won' }, expected: ['Bravo', 'C++ (beta)', 'Charlie'] },
      { does: 'eq', filter: { amount: { eq: 12000 } }, expected: ['Bravo', 'Charlie'] },
      { does: 'eq null for a missing value', filter: { amount: { eq: null } }, expected: ['Echo'] },
      { does: 'ne', filter: { stage: { ne: 'new' } }, expected: ['Bravo', 'C++ (beta)', 'Charlie', 'Foxtrot', 'delta'] },
      { does: 'gt', filter: { amount: { gt: 2500 } }, expected: ['Bravo', 'Charlie', 'Golf'] },
      { does: 'gte', filter: { amount: { gte: 2500 } }, expected: ['Bravo', 'Charlie', 'Golf', 'delta'] },
      { does: 'lt', filter: { amount: { lt: 500 } }, expected: ['C++ (beta)', 'Foxtrot'] },
      { does: 'lte', filter: { amount: { lte: 500 } }, expected: ['Alpha', 'C++ (beta)', 'Foxtrot'] },
      { does: 'a range on one field', filter: { amount: { gte: 500, lt: 12000 } }, expected: ['Alpha', 'Golf', 'delta'] },
      { does: 'in', filter: { stage: { in: ['new', 'lost'] } }, expected: ['Alpha', 'Echo', 'Foxtrot', 'Golf', 'delta'] },
      { does: 'nin', filter: { stage: { nin: ['new', 'lost'] } }, expected: ['Bravo', 'C++ (beta)', 'Charlie'] },
      { does: 'contains, ignoring case', filter: { title: { contains: 'RAV' } }, expected: ['Bravo'] },
      { does: 'contains with regex characters taken literally', filter: { title: { contains: '++ (' } }, expected: ['C++ (beta)'] },
      { does: 'contains on a long text', filter: { notes: { contains: 'c++' } }, expected: ['Echo'] },
      { does: 'startsWith, ignoring case', filter: { title: { startsWith: 'd' } }, expected: ['delta'] },
      { does: 'startsWith anchored at the start', filter: { title: { startsWith: 'lpha' } }, expected: [] },
      { does: 'isNull true', filter: { closed_on: { isNull: true } }, expected: ['C++ (beta)', 'Echo', 'Foxtrot'] },
      { does: 'isNull false', filter: { contact: { isNull: false } }, expected: ['Alpha', 'C++ (beta)', 'Charlie'] },
      { does: 'isNull on a JSON field', filter: { payload: { isNull: true } }, expected: DEALS.map((deal) => deal.title as string) },
      { does: 'dates compared as dates', filter: { closed_on: { gte: '2030-02-01', lt: '2030-12-31' } }, expected: ['Bravo', 'Charlie', 'delta'] },
      { does: 'a boolean', filter: { won: false }, expected: ['Alpha', 'Foxtrot', 'delta'] },
      { does: 'a multi-select holding a value', filter: { tags: 'key' }, expected: ['Bravo', 'Charlie', 'Golf'] },
      { does: 'a multi-select holding any of the values', filter: { tags: { in: ['hot', 'cold'] } }, expected: ['Alpha', 'Bravo', 'Foxtrot', 'Golf'] },
      { does: 'an e-mail operand in any case', filter: { contact: 'ANN@example.com' }, expected: ['Alpha'] },
      { does: 'several fields, all of which must hold', filter: { stage: 'won', amount: { gt: 100 } }, expected: ['Bravo', 'Charlie'] },
      { does: 'and', filter: { and: [{ stage: 'new' }, { amount: { gte: 500 } }] }, expected: ['Alpha', 'Golf'] },
      { does: 'or', filter: { or: [{ stage: 'lost' }, { amount: { gte: 12000 } }] }, expected: ['Bravo', 'Charlie', 'Foxtrot', 'delta'] },
      {
        does: 'and inside or inside and',
        filter: { and: [{ or: [{ stage: 'won' }, { and: [{ stage: 'new' }, { tags: 'cold' }] }] }, { amount: { lt: 10000 } }] },
        expected: ['C++ (beta)', 'Golf'],
      },
      { does: 'a system field', filter: { _createdBy: { ne: 'someone else' }, _version: { gte: 1 } }, expected: DEALS.map((deal) => deal.title as string) },
    ];
    for (const { does, filter, expected } of cases) {
      it(`filters by ${does}`, async () => {
        const page = await listRecords(engine, 'deal', { filter, total: true });
        expect(titles(page.records).sort()).to.deep.equal([...expected].sort());
        expect(page.total).to.equal(expected.length);
      });
    }
  });

  it('sorts by several fields, descending and ascending, with missing values last when descending', async () => {
    const page = await listRecords(engine, 'deal', { sort: '-amount,title' });
    expect(titles(page.records)).to.deep.equal(['Bravo', 'Charlie', 'Golf', 'delta', 'Alpha', 'C++ (beta)', 'Foxtrot', 'Echo']);
  });

  it('sorts missing values first when ascending', async () => {
    const page = await listRecords(engine, 'deal', { sort: 'closed_on,-title' });
    expect(titles(page.records)).to.deep.equal(['Foxtrot', 'Echo', 'C++ (beta)', 'Alpha', 'Bravo', 'delta', 'Charlie', 'Golf']);
  });

  it('sorts by a system field', async () => {
    const page = await listRecords(engine, 'deal', { sort: '-_createdAt,-_id' });
    expect(titles(page.records)).to.deep.equal(DEALS.map((deal) => deal.title as string).reverse());
  });

  it('returns only the selected fields, with id and version', async () => {
    const page = await listRecords(engine, 'deal', { fields: 'title,amount', filter: { title: 'Golf' } });
    expect(page.records).to.have.length(1);
    expect(Object.keys(page.records[0]!).sort()).to.deep.equal(['_id', '_version', 'amount', 'title']);
    expect(page.records[0]).to.include({ title: 'Golf', amount: 7500.5, _version: 1 });
  });

  it('keeps the sort working when the sort field is not selected', async () => {
    const page = await listRecords(engine, 'deal', { fields: 'title', sort: '-amount,title', limit: 3 });
    expect(titles(page.records)).to.deep.equal(['Bravo', 'Charlie', 'Golf']);
    for (const record of page.records) expect(Object.keys(record).sort()).to.deep.equal(['_id', '_version', 'title']);
  });

  it('returns at most limit records with a cursor, and the total of all matches when asked', async () => {
    const page = await listRecords(engine, 'deal', { limit: 3, total: true, sort: 'title' });
    expect(page.records).to.have.length(3);
    expect(page.next).to.be.a('string');
    expect(page.total).to.equal(DEALS.length);
    const filtered = await listRecords(engine, 'deal', { limit: 1, total: true, filter: { stage: 'new' } });
    expect(filtered.records).to.have.length(1);
    expect(filtered.total).to.equal(3);
  });

  it('accepts a limit of 200', async () => {
    expect((await listRecords(engine, 'deal', { limit: 200 })).records).to.have.length(DEALS.length);
  });

  describe('refuses list parameters outside their rules with 400', () => {
    const cases: { does: string; query: Record<string, unknown>; path: string }[] = [
      { does: 'a limit of 201', query: { limit: 201 }, path: '/limit' },
      { does: 'a limit of 0', query: { limit: 0 }, path: '/limit' },
      { does: 'a negative limit', query: { limit: -5 }, path: '/limit' },
      { does: 'a fractional limit', query: { limit: 2.5 }, path: '/limit' },
      { does: 'a limit that is not a number', query: { limit: 'all' }, path: '/limit' },
      { does: 'a total that is not true or false', query: { total: 'yes' }, path: '/total' },
      { does: 'a sort by an unknown field', query: { sort: '-colour' }, path: '/sort' },
      { does: 'a sort by a JSON field', query: { sort: 'payload' }, path: '/sort' },
      { does: 'a sort by a long text', query: { sort: 'notes' }, path: '/sort' },
      { does: 'a sort naming a field twice', query: { sort: 'title,-title' }, path: '/sort' },
      { does: 'a sort by more than five fields', query: { sort: 'title,amount,stage,closed_on,won,contact' }, path: '/sort' },
      { does: 'a selection of an unknown field', query: { fields: 'title,colour' }, path: '/fields' },
      { does: 'a filter that is not JSON', query: { filter: '{stage: won}' }, path: '/filter' },
    ];
    for (const { does, query, path } of cases) {
      it(`refuses ${does}`, async () => {
        const response = await engine.request('GET', listPath('deal', query));
        const details = expectError(response, 400, 'validation_failed');
        expect(details.map((detail) => detail.path)).to.deep.equal([path]);
      });
    }
  });
});
