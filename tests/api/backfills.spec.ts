import { expect } from 'chai';
import { BACKFILLS, runBackfillBatch } from '../../engine/setup/backfills/index.js';
import { DEFAULT_TENANT } from '../../engine/tenancy/index.js';
import { createRecord, defineObject, expectError, listPath, listRecords } from '../support/api-helpers.js';
import { createUser, tokenFor } from '../support/auth-helpers.js';
import { startConfiguredEngine, type ConfiguredEngine } from '../support/configured-engine.js';

/**
 * Objects of more than 20 records are recomputed in the background, 10 records a batch. The job
 * loop is stopped: a backfill moves only when a test runs one batch (runBackfillBatch) or the due
 * jobs (jobs.runDue), so "while it runs" is a state the test holds, not a moment it catches; the
 * batches' time bound is out of reach, so a loaded machine never cuts one short.
 */
const SETTINGS = { backfills: { inlineLimit: 20, batchRecords: 10, batchMs: 60_000 } };
const ITEMS = 45;
const ZH = { 'accept-language': 'zh-CN' };

describe('backfills: derived values of existing records recomputed in the background', function () {
  this.timeout(60_000);
  let engine: ConfiguredEngine;
  let items: Record<string, any>[];

  const addField = async (object: string, field: Record<string, unknown>) => {
    const response = await engine.request('POST', `/api/v1/meta/objects/${object}/fields`, field);
    expect(response.status, JSON.stringify(response.body)).to.equal(201);
  };
  const patchField = async (object: string, field: string, body: Record<string, unknown>) => {
    const response = await engine.request('PATCH', `/api/v1/meta/objects/${object}/fields/${field}`, body);
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
  };
  const running = async (object: string) => {
    const response = await engine.request('GET', `/api/v1/meta/backfills?status=running&object=${object}`);
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    expect(response.body.backfills).to.have.length(1);
    return response.body.backfills[0] as Record<string, any>;
  };
  const backfill = async (id: string) => {
    const response = await engine.request('GET', `/api/v1/meta/backfills/${id}`);
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    return response.body as Record<string, any>;
  };
  const get = async (object: string, id: string) => {
    const response = await engine.request('GET', `/api/v1/records/${object}/${id}`);
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    return response.body as Record<string, any>;
  };
  const stored = async (object: string) => engine.tenant.store.collection(`records.${object}`).find({}, { sort: { _id: 1 } });

  before(async () => {
    engine = await startConfiguredEngine(SETTINGS);
    await defineObject(engine, {
      name: 'item',
      fields: [
        { name: 'name', type: 'text' },
        { name: 'qty', type: 'number' },
        { name: 'price', type: 'number' },
      ],
    });
    items = [];
    for (let i = 1; i <= ITEMS; i++) items.push(await createRecord(engine, 'item', { name: `Item ${i}`, qty: i, price: 2 }));
  });
  after(() => engine.stop(true));

  it('commits a formula added over existing records at once, and completes it in batches with the right values', async () => {
    await addField('item', { name: 'total', type: 'formula', expression: 'qty * price', resultType: 'number' });
    const started = await running('item');
    expect(started).to.include({ object: 'item', done: 0, total: ITEMS, percent: 0, cursor: null, status: 'running' });
    expect(started.fields).to.include('total');
    // nothing stored yet: the change did not recompute inside its unit of work
    expect((await stored('item')).every((record) => record.total === undefined)).to.equal(true);

    expect(await runBackfillBatch(engine.tenant, started._id)).to.equal(true);
    const partway = await backfill(started._id);
    expect(partway).to.include({ done: 10, percent: 22, cursor: items[9]!._id, status: 'running' });
    const afterOneBatch = await stored('item');
    expect(afterOneBatch.slice(0, 10).map((record) => record.total)).to.deep.equal(items.slice(0, 10).map((item) => item.qty * 2));
    expect(afterOneBatch.slice(10).every((record) => record.total === undefined)).to.equal(true);

    await engine.jobs.runDue();
    const ended = await backfill(started._id);
    expect(ended).to.include({ done: ITEMS, total: ITEMS, percent: 100, status: 'done', cursor: items[ITEMS - 1]!._id });
    expect(ended.finishedAt).to.be.a('string');
    expect((await stored('item')).map((record) => record.total)).to.deep.equal(items.map((item) => item.qty * 2));
    const big = await listRecords(engine, 'item', { filter: { total: { gt: 80 } }, sort: '-total', total: true });
    expect(big.total).to.equal(ITEMS - 40);
    expect(big.records[0]).to.include({ qty: ITEMS, total: ITEMS * 2 });
  });

  it('answers 409 with the progress to filters, sorts, counts and summaries on the field while it runs, in en and zh-CN', async () => {
    await patchField('item', 'total', { expression: 'qty * price * 10' });
    const { _id } = await running('item');
    await runBackfillBatch(engine.tenant, _id);
    const filtered = await engine.request('GET', listPath('item', { filter: { total: { gt: 5 } } }));
    expect(expectError(filtered, 409, 'backfill_in_progress')).to.deep.equal([{ path: '/total', message: 'is being recomputed (22% done)' }]);
    expect(filtered.body.error.message).to.contain("'total'").and.contain('22% done');
    const chinese = await engine.request('GET', listPath('item', { filter: { or: [{ name: 'x' }, { total: 5 }] } }), undefined, ZH);
    expectError(chinese, 409, 'backfill_in_progress');
    expect(chinese.body.error.message).to.contain('已完成 22%');
    expectError(await engine.request('GET', listPath('item', { sort: '-total' })), 409, 'backfill_in_progress');
    expectError(await engine.request('GET', '/api/v1/records/item/summary?measures=sum:total'), 409, 'backfill_in_progress');
    // Reports too: one summing the field, one filtering on it; one that reads other fields runs.
    const sums = { object: 'item', type: 'summary', groupings: [{ field: 'name' }], measures: [{ aggregate: 'sum', field: 'total' }] };
    expectError(await engine.request('POST', '/api/v1/reports/preview', { definition: { name: 'sums', ...sums } }), 409, 'backfill_in_progress');
    const filteredReport = { name: 'big_ones', object: 'item', type: 'summary', filter: { total: { gt: 5 } }, groupings: [{ field: 'name' }], measures: [{ aggregate: 'count' }] };
    expectError(await engine.request('POST', '/api/v1/reports/preview', { definition: filteredReport }), 409, 'backfill_in_progress');
    const other = await engine.request('POST', '/api/v1/reports/preview', { definition: { name: 'by_qty', object: 'item', type: 'summary', groupings: [{ field: 'name' }], measures: [{ aggregate: 'sum', field: 'qty' }] } });
    expect(other.status, JSON.stringify(other.body)).to.equal(200);
    // what does not read the field is served as ever, counts included
    expect((await listRecords(engine, 'item', { filter: { qty: { lte: 5 } }, total: true })).total).to.equal(5);
    await engine.jobs.runDue();
    expect((await listRecords(engine, 'item', { filter: { total: { gt: 400 } }, total: true })).total).to.equal(ITEMS - 20);
  });

  it('computes the value on the fly, on GET and in list rows, for the records the backfill has not reached', async () => {
    await patchField('item', 'total', { expression: 'qty + price' });
    const { _id } = await running('item');
    await runBackfillBatch(engine.tenant, _id);
    const last = items[ITEMS - 1]!;
    // stored: the previous definition's value (qty * price * 10); read: the new one
    expect((await stored('item')).at(-1)!.total).to.equal(last.qty * 20);
    expect(await get('item', last._id)).to.include({ qty: ITEMS, total: ITEMS + 2 });
    const rows = (await listRecords(engine, 'item', { sort: 'qty', limit: 50, fields: 'name,total' })).records;
    expect(rows.map((row) => row.total)).to.deep.equal(items.map((item) => item.qty + 2));
    expect(rows[0]).to.not.have.property('qty');
    await engine.jobs.runDue();
  });

  it('restarts from the first record with the newest definition when the field changes again before it ended', async () => {
    await patchField('item', 'total', { expression: 'qty * 3' });
    const older = await running('item');
    await runBackfillBatch(engine.tenant, older._id);
    await runBackfillBatch(engine.tenant, older._id);
    expect((await backfill(older._id)).done).to.equal(20);
    await patchField('item', 'total', { expression: 'qty * 4' });
    const newer = await running('item');
    expect(newer).to.include({ done: 0, cursor: null, total: ITEMS });
    expect(await backfill(older._id)).to.include({ status: 'superseded', supersededBy: newer._id, done: 20 });
    // the older job, still due, ends at once; the newer one completes
    expect(await runBackfillBatch(engine.tenant, older._id)).to.equal(false);
    await engine.jobs.runDue();
    expect(await backfill(newer._id)).to.include({ status: 'done', done: ITEMS });
    expect((await stored('item')).map((record) => record.total)).to.deep.equal(items.map((item) => item.qty * 4));
  });

  it('resumes after a restart where it stopped, neither losing nor doubling progress', async () => {
    await addField('item', { name: 'label', type: 'formula', expression: 'name & " x" & $string(qty)', resultType: 'text' });
    const { _id } = await running('item');
    await runBackfillBatch(engine.tenant, _id);
    await engine.stop();
    engine = await startConfiguredEngine(SETTINGS, engine.dataDir);
    expect(await backfill(_id)).to.include({ status: 'running', done: 10 });
    expect(await get('item', items[30]!._id)).to.include({ label: 'Item 31 x31' });
    await engine.jobs.runDue();
    expect(await backfill(_id)).to.include({ status: 'done', done: ITEMS });
    expect((await stored('item')).map((record) => record.label)).to.deep.equal(items.map((item) => `${item.name} x${item.qty}`));
  });

  it('passes over, counted, the records an expression fails on, and completes the others', async () => {
    await addField('item', { name: 'risky', type: 'formula', expression: 'qty > 43 ? $error("too big") : qty', resultType: 'number' });
    const { _id } = await running('item');
    await engine.jobs.runDue();
    const ended = await backfill(_id);
    expect(ended).to.include({ status: 'done', done: ITEMS, skipped: 2 });
    expect(ended.lastError).to.contain(items[43]!._id).and.contain('too big');
    expect((await stored('item')).map((record) => record.risky)).to.deep.equal(items.map((item) => (item.qty > 43 ? undefined : item.qty)));
    await engine.request('DELETE', '/api/v1/meta/objects/item/fields/risky');
  });

  it('sums a roll-up added over existing masters in the background, on the fly until it ends', async () => {
    await defineObject(engine, { name: 'order', fields: [{ name: 'title', type: 'text' }] });
    await defineObject(engine, {
      name: 'order_line',
      fields: [
        { name: 'order', type: 'masterdetail', target: 'order' },
        { name: 'amount', type: 'number', scale: 2 },
      ],
    });
    const orders: Record<string, any>[] = [];
    for (let i = 0; i < 25; i++) orders.push(await createRecord(engine, 'order', { title: `Order ${i}` }));
    const lastOrder = orders.at(-1)!;
    for (const amount of [1.1, 2.2, 3.3]) await createRecord(engine, 'order_line', { order: lastOrder._id, amount });
    await createRecord(engine, 'order_line', { order: orders[0]!._id, amount: 5 });
    await addField('order', { name: 'line_total', type: 'rollup', child: 'order_line', function: 'sum', field: 'amount' });
    const { _id, rollups } = await running('order');
    expect(rollups).to.deep.equal(['line_total']);
    expect(await get('order', lastOrder._id)).to.include({ line_total: 6.6 });
    expectError(await engine.request('GET', listPath('order', { filter: { line_total: { gt: 1 } } })), 409, 'backfill_in_progress');
    await engine.jobs.runDue();
    expect(await backfill(_id)).to.include({ status: 'done', done: 25 });
    const sums = await listRecords(engine, 'order', { filter: { line_total: { gt: 1 } }, sort: 'line_total' });
    expect(sums.records.map((order) => [order._id, order.line_total])).to.deep.equal([
      [orders[0]!._id, 5],
      [lastOrder._id, 6.6],
    ]);
  });

  it('still recomputes an object of at most inlineLimit records inside the change: no backfill, no 409', async () => {
    await defineObject(engine, { name: 'tiny', fields: [{ name: 'n', type: 'number' }] });
    for (let n = 1; n <= 3; n++) await createRecord(engine, 'tiny', { n });
    await addField('tiny', { name: 'twice', type: 'formula', expression: 'n * 2', resultType: 'number' });
    expect((await engine.request('GET', '/api/v1/meta/backfills?object=tiny')).body.backfills).to.deep.equal([]);
    expect((await listRecords(engine, 'tiny', { filter: { twice: { gte: 4 } }, total: true })).total).to.equal(2);
  });

  it("finds an object's running backfill, asked on every read of its records, through an index and not by reading every backfill", async () => {
    const store = (await engine.platform.tenant(DEFAULT_TENANT)).store;
    const plan = await store.explain(BACKFILLS, { object: 'item', status: 'running' }, { limit: 1 });
    expect(plan.indexes).to.deep.equal(['object_status']);
  });

  it('shows the backfills to metadata managers only', async () => {
    await createUser(engine, { email: 'rep@example.com', full_name: 'Rep' }, 'rep password long enough');
    const token = await tokenFor(engine, 'rep@example.com', 'rep password long enough');
    const refused = await engine.request('GET', '/api/v1/meta/backfills', undefined, { authorization: `Bearer ${token}` });
    expectError(refused, 403);
    expectError(await engine.request('GET', '/api/v1/meta/backfills/0123456789abcdef01234567'), 404, 'not_found');
    expectError(await engine.request('GET', '/api/v1/meta/backfills?status=paused'), 400);
  });

  it("shows a user who may read an object that object's running backfills, and nothing else", async () => {
    const set = await engine.request('POST', '/api/v1/meta/permission-sets', { name: 'item_reader', objects: { item: { read: true } } });
    expect(set.status, JSON.stringify(set.body)).to.equal(201);
    await createUser(engine, { email: 'reader@example.com', full_name: 'Reader', permission_sets: ['item_reader'] }, 'reader password long enough');
    const reader = { authorization: `Bearer ${await tokenFor(engine, 'reader@example.com', 'reader password long enough')}` };
    await addField('item', { name: 'half', type: 'formula', expression: 'qty / 2', resultType: 'number' });
    const started = await running('item');

    const seen = await engine.request('GET', '/api/v1/meta/backfills?object=item&status=running', undefined, reader);
    expect(seen.status, JSON.stringify(seen.body)).to.equal(200);
    expect(seen.body.backfills.map((backfill: Record<string, any>) => [backfill._id, backfill.percent])).to.deep.equal([[started._id, 0]]);
    // Not the finished ones, not another object's, not one by id: those stay with metadata managers.
    expectError(await engine.request('GET', '/api/v1/meta/backfills?object=item', undefined, reader), 403);
    expectError(await engine.request('GET', '/api/v1/meta/backfills?object=tiny&status=running', undefined, reader), 403);
    expectError(await engine.request('GET', `/api/v1/meta/backfills/${started._id}`, undefined, reader), 403);
    await engine.jobs.runDue();
  });
});
