import { expect } from 'chai';
import { createRecord, defineObject, expectError, listRecords } from '../support/api-helpers.js';
import { parseCsv } from '../support/permission-fixtures.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/** Words that used to be refused as API names without clashing with anything. */
const FREED_FIELDS = ['select', 'id', 'version', 'sort', 'filter', 'limit', 'total', 'cursor', 'not', 'in', 'eq', 'records', 'meta', 'prototype', 'tostring', 'undefined'];

/** Names that mean something to a sales team (an order, a customer group) work like any other. */
describe('API names: only real clashes are refused', () => {
  let engine: TestEngine;

  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, { name: 'group', fields: [{ name: 'name', type: 'text', required: true }] });
    await defineObject(engine, {
      name: 'order',
      fields: [
        { name: 'name', type: 'text', required: true },
        { name: 'group', type: 'lookup', target: 'group' },
        { name: 'user', type: 'lookup', target: 'user' },
        ...FREED_FIELDS.map((name) => ({ name, type: name === 'version' || name === 'in' ? 'number' : 'text' })),
        { name: 'doubled', type: 'formula', expression: 'version * 2 + in', resultType: 'number' },
      ],
    });
    await defineObject(engine, {
      name: 'select',
      fields: [
        { name: 'order', type: 'masterdetail', target: 'order' },
        { name: 'quantity', type: 'number' },
      ],
    });
  });
  after(() => engine.stop());

  it('creates, lists, filters, sorts, expands, summarizes and exports objects and fields named order, group, select, user ...', async () => {
    const retail = await createRecord(engine, 'group', { name: 'Retail' });
    const wholesale = await createRecord(engine, 'group', { name: 'Wholesale' });
    const values = (i: number) => Object.fromEntries(FREED_FIELDS.map((name) => [name, name === 'version' || name === 'in' ? i : `${name} ${i}`]));
    const orders = [];
    for (const [i, group] of [retail, wholesale, retail].entries()) {
      orders.push(await createRecord(engine, 'order', { name: `Order ${i}`, group: group._id, user: engine.adminId, ...values(i) }));
    }
    expect(orders[2]).to.include({ id: 'id 2', version: 2, sort: 'sort 2', doubled: 6 });
    expect(orders[2]!._version).to.equal(1);
    await createRecord(engine, 'select', { order: orders[0]!._id, quantity: 3 });

    const filtered = await listRecords(engine, 'order', { filter: { group: retail._id, select: { startsWith: 'select' }, in: { gte: 1 } }, sort: '-version', expand: 'group,user' });
    expect(filtered.records.map((record) => record.name)).to.deep.equal(['Order 2']);
    expect(filtered.records[0]!._expanded.group.name).to.equal('Retail');
    expect(filtered.records[0]!._expanded.user._id).to.equal(engine.adminId);
    const sorted = await listRecords(engine, 'order', { sort: 'sort', fields: 'name,id,limit' });
    expect(sorted.records.map((record) => [record.id, record.limit])).to.deep.equal([0, 1, 2].map((i) => [`id ${i}`, `limit ${i}`]));

    const lines = await listRecords(engine, 'select', { expand: 'order' });
    expect(lines.records[0]!._expanded.order.name).to.equal('Order 0');

    const summary = await engine.request('GET', '/api/v1/records/order/summary?groupBy=group&measures=sum:version');
    expect(summary.status, JSON.stringify(summary.body)).to.equal(200);
    expect(summary.body.groups).to.deep.equal([
      { key: retail._id, count: 2, sum: { version: 2 } },
      { key: wholesale._id, count: 1, sum: { version: 1 } },
    ]);

    const exported = await fetch(`${engine.url}/api/v1/records/order/export?fields=name,group.name,filter&sort=name`, { headers: { authorization: `Bearer ${engine.token}` } });
    expect(parseCsv(await exported.text()).map((row) => row.slice(1))).to.deep.equal([
      ['name', 'group.name', 'filter'],
      ['Order 0', 'Retail', 'filter 0'],
      ['Order 1', 'Wholesale', 'filter 1'],
      ['Order 2', 'Retail', 'filter 2'],
    ]);
  });

  const clashes: [string, Record<string, unknown>, string, RegExp][] = [
    ['and as a field name', { name: 'with_and', fields: [{ name: 'and', type: 'text' }] }, '/fields/0/name', /the filter language reads \{"and": \[\.\.\.\]\}/],
    ['null as a field name', { name: 'with_null', fields: [{ name: 'null', type: 'text' }] }, '/fields/0/name', /literal true, false or null/],
    ['owner as a field name', { name: 'with_owner', fields: [{ name: 'owner', type: 'lookup', target: 'user' }] }, '/fields/0/name', /expand=owner/],
    ['constructor as an object name', { name: 'constructor' }, '/name', /every JavaScript object has a member of this name/],
  ];
  for (const [what, definition, path, message] of clashes) {
    it(`refuses ${what}, saying what it clashes with`, async () => {
      const [detail] = expectError(await engine.request('POST', '/api/v1/meta/objects', definition), 400, 'validation_failed');
      expect(detail!.path).to.equal(path);
      expect(detail!.message).to.match(message);
    });
  }

  it('lets objects be named like the filter language\'s words, which only fields clash with', async () => {
    await defineObject(engine, { name: 'and', fields: [{ name: 'title', type: 'text' }] });
    await createRecord(engine, 'and', { title: 'works' });
    expect((await listRecords(engine, 'and', { filter: { title: 'works' } })).records).to.have.length(1);
  });
});
