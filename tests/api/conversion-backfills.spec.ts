import { expect } from 'chai';
import { runBackfillBatch } from '../../engine/setup/backfills/index.js';
import { createRecord, defineObject, expectError, listPath, listRecords } from '../support/api-helpers.js';
import { startConfiguredEngine, type ConfiguredEngine } from '../support/configured-engine.js';

/**
 * A field type change on an object of more than inlineLimit records: every value is checked inside
 * the change (which refuses as ever), and written by a backfill. The job loop is stopped: a batch
 * runs only when the test runs one (see backfills.spec.ts).
 */
const SETTINGS = { backfills: { inlineLimit: 20, batchRecords: 10, batchMs: 60_000 } };
const COUNT = 30;
const ZH = { 'accept-language': 'zh-CN' };

describe('backfills: field values converted to a new type in the background', function () {
  this.timeout(60_000);
  let engine: ConfiguredEngine;
  let lines: Record<string, any>[];
  let order: Record<string, any>;

  const patchField = (object: string, field: string, body: Record<string, unknown>, headers?: Record<string, string>) =>
    engine.request('PATCH', `/api/v1/meta/objects/${object}/fields/${field}`, body, headers);
  const running = async (object: string) => {
    const response = await engine.request('GET', `/api/v1/meta/backfills?status=running&object=${object}`);
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    return response.body.backfills as Record<string, any>[];
  };
  const stored = async (object: string) => engine.tenant.store.collection(`records.${object}`).find({}, { sort: { _id: 1 } });
  const get = async (object: string, id: string) => (await engine.request('GET', `/api/v1/records/${object}/${id}`)).body as Record<string, any>;

  before(async () => {
    engine = await startConfiguredEngine(SETTINGS);
    await defineObject(engine, { name: 'po', fields: [{ name: 'title', type: 'text' }] });
    await defineObject(engine, {
      name: 'po_line',
      fields: [
        { name: 'po', type: 'masterdetail', target: 'po' },
        { name: 'qty', type: 'text' },
        { name: 'code', type: 'text' },
      ],
    });
    order = await createRecord(engine, 'po', { title: 'Laptops' });
    lines = [];
    for (let i = 1; i <= COUNT; i++) lines.push(await createRecord(engine, 'po_line', { po: order._id, qty: ` ${i} `, code: `C${i % 3}` }));
    // A formula reading the field, and a roll-up summing it once it is a number.
    expect((await engine.request('POST', '/api/v1/meta/objects/po_line/fields', { name: 'twice', type: 'formula', expression: '$number(qty) * 2', resultType: 'number' })).status).to.equal(201);
    await engine.jobs.runDue();
  });
  after(() => engine.stop(true));

  it('commits a text → number change at once and converts the stored values in batches, formulas and roll-ups following', async () => {
    const changed = await patchField('po_line', 'qty', { type: 'number' });
    expect(changed.status, JSON.stringify(changed.body)).to.equal(200);
    const [backfill] = await running('po_line');
    expect(backfill!.conversions.map((conversion: Record<string, any>) => [conversion.field, conversion.from.type, conversion.to.type])).to.deep.equal([['qty', 'text', 'number']]);
    expect(backfill!.fields).to.include.members(['qty', 'twice']);
    // Nothing written yet, yet every read answers with the new type.
    expect((await stored('po_line')).every((line) => typeof line.qty === 'string')).to.equal(true);
    expect(await get('po_line', lines[25]!._id)).to.include({ qty: 26, twice: 52 });
    const rows = (await listRecords(engine, 'po_line', { sort: '_id', limit: 50, fields: 'qty' })).records;
    expect(rows.map((row) => row.qty)).to.deep.equal(lines.map((_, i) => i + 1));

    expect(await runBackfillBatch(engine.tenant, backfill!._id)).to.equal(true);
    const partway = await stored('po_line');
    expect(partway.slice(0, 10).map((line) => line.qty)).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(partway.slice(10).every((line) => typeof line.qty === 'string')).to.equal(true);

    // A record written meanwhile holds a number already: the backfill leaves it as it is.
    const written = await engine.request('PATCH', `/api/v1/records/po_line/${lines[20]!._id}`, { qty: 500 });
    expect(written.status, JSON.stringify(written.body)).to.equal(200);

    await engine.jobs.runDue();
    expect((await engine.request('GET', `/api/v1/meta/backfills/${backfill!._id}`)).body).to.include({ status: 'done', done: COUNT });
    const ended = await stored('po_line');
    const expected = lines.map((_, i) => (i === 20 ? 500 : i + 1));
    expect(ended.map((line) => line.qty)).to.deep.equal(expected);
    expect(ended.map((line) => line.twice)).to.deep.equal(expected.map((qty) => qty * 2));
    const big = await listRecords(engine, 'po_line', { filter: { qty: { gte: 29 } }, sort: '-qty', total: true });
    expect(big.records.map((line) => line.qty)).to.deep.equal([500, 30, 29]);

    const rollup = await engine.request('POST', '/api/v1/meta/objects/po/fields', { name: 'units', type: 'rollup', child: 'po_line', function: 'sum', field: 'qty' });
    expect(rollup.status, JSON.stringify(rollup.body)).to.equal(201);
    expect((await get('po', order._id)).units).to.equal(expected.reduce((sum, qty) => sum + qty, 0));
    expect((await engine.request('DELETE', '/api/v1/meta/objects/po/fields/units')).status).to.equal(200);
  });

  it('answers 409 to filters and sorts on the converting field, and to a second change of it, in en and zh-CN', async () => {
    const toText = await patchField('po_line', 'qty', { type: 'text' });
    expect(toText.status, JSON.stringify(toText.body)).to.equal(200);
    const [backfill] = await running('po_line');
    await runBackfillBatch(engine.tenant, backfill!._id);
    expectError(await engine.request('GET', listPath('po_line', { filter: { qty: '7' } })), 409, 'backfill_in_progress');
    expectError(await engine.request('GET', listPath('po_line', { sort: 'qty' })), 409, 'backfill_in_progress');

    const again = await patchField('po_line', 'qty', { type: 'number' }, ZH);
    expect(expectError(again, 409, 'backfill_in_progress')).to.deep.equal([{ path: '/fields/qty', message: '正在转换（已完成 33%）' }]);
    expect(again.body.error.message).to.contain("'qty'");
    // Another field of the object may change meanwhile; the conversion carries on under the newer backfill.
    expect((await patchField('po_line', 'twice', { expression: '$number(qty) * 3' })).status).to.equal(200);
    const [newer] = await running('po_line');
    expect(newer!.conversions.map((conversion: Record<string, any>) => conversion.field)).to.deep.equal(['qty']);
    await engine.jobs.runDue();
    expect((await listRecords(engine, 'po_line', { filter: { qty: '7' }, total: true })).total).to.equal(1);
    expect((await stored('po_line')).every((line) => typeof line.qty === 'string' && line.twice === Number(line.qty) * 3)).to.equal(true);
  });

  it('still refuses inside the change when a value would not convert, and starts nothing', async () => {
    const refused = await patchField('po_line', 'code', { type: 'number' });
    expectError(refused, 409, 'incompatible_values');
    expect(await running('po_line')).to.deep.equal([]);
  });

  it('lets the converting field be deleted: the conversion lapses and the backfill ends', async () => {
    expect((await patchField('po_line', 'qty', { type: 'number' })).status).to.equal(200);
    const [backfill] = await running('po_line');
    await runBackfillBatch(engine.tenant, backfill!._id);
    // The formula reading it goes first: a field something reads cannot be deleted.
    expect((await engine.request('DELETE', '/api/v1/meta/objects/po_line/fields/twice')).status).to.equal(200);
    const deleted = await engine.request('DELETE', '/api/v1/meta/objects/po_line/fields/qty');
    expect(deleted.status, JSON.stringify(deleted.body)).to.equal(200);
    await engine.jobs.runDue();
    expect(await running('po_line')).to.deep.equal([]);
    expect((await stored('po_line')).some((line) => 'qty' in line)).to.equal(false);
  });

  it('refuses making values unique that would meet once converted (two numbers that become one text)', async () => {
    await defineObject(engine, { name: 'tag', fields: [{ name: 'n', type: 'text' }] });
    for (let i = 0; i < 25; i++) await createRecord(engine, 'tag', { n: i === 24 ? '007' : String(i) });
    const refused = await patchField('tag', 'n', { type: 'number', unique: true });
    expectError(refused, 409, 'duplicate_values');
    expect(await running('tag')).to.deep.equal([]);
    expect((await stored('tag')).at(-1)!.n).to.equal('007');
  });
});
