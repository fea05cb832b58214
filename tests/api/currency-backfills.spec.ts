import { expect } from 'chai';
import { runBackfillBatch } from '../../engine/setup/backfills/index.js';
import { createRecord, defineObject, expectError, listPath, metadataVersion } from '../support/api-helpers.js';
import { startConfiguredEngine, type ConfiguredEngine } from '../support/configured-engine.js';

/**
 * Objects of more than 20 records have their amounts converted again in the background, 10 records
 * a batch; the job loop is stopped, so a backfill moves only when a test runs a batch or the due
 * jobs (as in backfills.spec.ts).
 */
const SETTINGS = { backfills: { inlineLimit: 20, batchRecords: 10, batchMs: 60_000 } };
const EUR_DEALS = 30;
const ZH = { 'accept-language': 'zh-CN' };

describe('currencies: stored amounts of a large object converted again in the background', function () {
  this.timeout(60_000);
  let engine: ConfiguredEngine;
  let euros: Record<string, any>[];
  let dollars: Record<string, any>[];

  const putEur = (rates: { from: string; rate: number }[], headers: Record<string, string> = {}) => engine.request('PUT', '/api/v1/meta/currencies/eur', { rates }, headers);
  const stored = async () => engine.tenant.store.collection('records.deal').find({}, { sort: { _id: 1 } });
  const running = async () => (await engine.request('GET', '/api/v1/meta/backfills?status=running&object=deal')).body.backfills as Record<string, any>[];

  before(async () => {
    engine = await startConfiguredEngine(SETTINGS);
    await defineObject(engine, {
      name: 'deal',
      fields: [
        { name: 'name', type: 'text' },
        { name: 'currency_code', type: 'picklist', values: ['USD', 'EUR'] },
        { name: 'close_date', type: 'date' },
        { name: 'amount', type: 'currency', currencyField: 'currency_code', rateDate: 'close_date' },
        { name: 'big', type: 'formula', expression: 'amount__corporate >= 1000', resultType: 'boolean' },
      ],
    });
    expect((await engine.request('PUT', '/api/v1/meta/currencies/usd', { corporate: true })).status).to.equal(200);
    expect((await putEur([{ from: '2026-01-01', rate: 1.1 }])).status).to.equal(200);
    euros = [];
    for (let i = 1; i <= EUR_DEALS; i++) euros.push(await createRecord(engine, 'deal', { name: `Eur ${i}`, currency_code: 'EUR', close_date: '2026-03-15', amount: 1000 }));
    dollars = [];
    for (let i = 1; i <= 5; i++) dollars.push(await createRecord(engine, 'deal', { name: `Usd ${i}`, currency_code: 'USD', close_date: '2026-03-15', amount: 950 }));
    expect(euros[0]).to.include({ amount__corporate: 1100, big: true });
  });
  after(() => engine.stop(true));

  it('refuses, with the number of records and some of them, rates that leave stored amounts without a rate, and changes nothing', async () => {
    const version = await metadataVersion(engine);
    const refused = await putEur([{ from: '2026-06-01', rate: 1.2 }]);
    const details = expectError(refused, 409, 'currency_in_use');
    expect(refused.body.error.message).to.match(/^30 records hold amounts this change cannot convert, the first: There is no EUR exchange rate for 2026-03-15/);
    expect(details).to.have.length(5);
    expect(details[0]).to.deep.include({ path: `/records/${euros[0]!._id}/amount` });
    const chinese = await putEur([{ from: '2026-06-01', rate: 1.2 }], ZH);
    expect(chinese.status).to.equal(409);
    expect(chinese.body.error.message).to.match(/^有 30 条记录的金额无法按此更改换算/);

    expect(await metadataVersion(engine)).to.equal(version);
    expect(await running()).to.deep.equal([]);
    expect((await engine.request('GET', '/api/v1/meta/currencies/eur')).body.definition.rates).to.deep.equal([{ from: '2026-01-01', rate: 1.1 }]);
  });

  it('refuses to delete a currency the amounts of a large object are in, naming the records', async () => {
    const refused = await engine.request('DELETE', '/api/v1/meta/currencies/eur');
    const details = expectError(refused, 409, 'currency_in_use');
    expect(details[0]).to.deep.include({ path: `/records/${euros[0]!._id}/currency_code` });
    expect((await engine.request('GET', '/api/v1/meta/currencies/eur')).status).to.equal(200);
  });

  it('commits new rates at once, converts on the fly until the backfill reaches a record, and refuses filters on the amount meanwhile', async () => {
    expect((await putEur([{ from: '2026-01-01', rate: 0.9 }])).status).to.equal(200);
    const [backfill] = await running();
    expect(backfill).to.include({ object: 'deal', done: 0, total: EUR_DEALS + 5, status: 'running' });
    expect(backfill!.fields).to.include.members(['amount__corporate', 'big']);
    // The change wrote no record: the stored amounts are still at the old rate.
    expect((await stored()).filter((deal) => deal.currency_code === 'EUR').every((deal) => deal.amount__corporate === 1100)).to.equal(true);

    const read = await engine.request('GET', `/api/v1/records/deal/${euros[29]!._id}`);
    expect(read.body).to.include({ amount__corporate: 900, big: false });
    const filtered = await engine.request('GET', listPath('deal', { filter: { amount__corporate: { gte: 1000 } } }));
    expect(expectError(filtered, 409, 'backfill_in_progress')[0]).to.deep.include({ path: '/amount__corporate' });
    const chinese = await engine.request('GET', listPath('deal', { filter: { big: true } }), undefined, ZH);
    expect(chinese.status).to.equal(409);
    expect(chinese.body.error.message).to.match(/[\u4e00-\u9fff]/);

    expect(await runBackfillBatch(engine.tenant, backfill!._id)).to.equal(true);
    const partway = await stored();
    expect(partway.slice(0, 10).every((deal) => deal.amount__corporate === 900 && deal.big === false)).to.equal(true);
    expect(partway.slice(10, 30).every((deal) => deal.amount__corporate === 1100)).to.equal(true);

    await engine.jobs.runDue();
    expect(await running()).to.deep.equal([]);
    const ended = await stored();
    expect(ended.filter((deal) => deal.currency_code === 'EUR').map((deal) => [deal.amount__corporate, deal.big])).to.deep.equal(euros.map(() => [900, false]));
    expect(ended.filter((deal) => deal.currency_code === 'USD').map((deal) => [deal.amount__corporate, deal.big])).to.deep.equal(dollars.map(() => [950, false]));
    const listed = await engine.request('GET', listPath('deal', { filter: { amount__corporate: { gte: 900 } }, limit: 100 }));
    expect(listed.status).to.equal(200);
    expect(listed.body.records).to.have.length(EUR_DEALS + 5);
  });
});
