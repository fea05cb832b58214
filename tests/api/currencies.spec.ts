import { expect } from 'chai';
import { createRecord, defineObject } from '../support/api-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

describe('currencies and dated exchange rates', () => {
  let engine: TestEngine;
  const put = (name: string, body: unknown) => engine.request('PUT', `/api/v1/meta/currencies/${name}`, body);
  const list = async (filter: unknown, sort = '') =>
    (await engine.request('GET', `/api/v1/records/deal?filter=${encodeURIComponent(JSON.stringify(filter))}${sort ? `&sort=${sort}` : ''}`)).body.records;

  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, {
      name: 'deal',
      fields: [
        { name: 'name', type: 'text' },
        { name: 'currency_code', type: 'picklist', values: ['USD', 'EUR', 'CNY', 'GBP'] },
        { name: 'close_date', type: 'date' },
        { name: 'amount', type: 'currency', currencyField: 'currency_code', rateDate: 'close_date' },
        { name: 'big', type: 'formula', expression: 'amount__corporate >= 1000', resultType: 'boolean' },
      ],
    });
  });
  after(() => engine.stop());

  it('stores no converted amount while the tenant defines no currencies', async () => {
    const deal = await createRecord(engine, 'deal', { name: 'Early', amount: 10 });
    expect(deal).to.not.have.property('amount__corporate');
  });

  it('refuses a second corporate currency and rates on the corporate one', async () => {
    expect((await put('usd', { corporate: true })).status).to.equal(200);
    expect((await put('eur', { corporate: true })).status).to.equal(400);
    const rated = await put('usd', { corporate: true, rates: [{ from: '2026-01-01', rate: 2 }] });
    expect(rated.status).to.equal(400);
    expect(rated.body.error.details[0].path).to.equal('/rates');
  });

  it('converts each amount at the rate of its rate date, stores it beside the amount and lets formulas read it', async () => {
    expect((await put('eur', { rates: [{ from: '2026-01-01', rate: 1.1 }, { from: '2026-07-01', rate: 1.2 }] })).status).to.equal(200);
    const january = await createRecord(engine, 'deal', { name: 'Jan', currency_code: 'EUR', close_date: '2026-03-15', amount: 1000 });
    const july = await createRecord(engine, 'deal', { name: 'Jul', currency_code: 'EUR', close_date: '2026-08-01', amount: 1000 });
    const dollars = await createRecord(engine, 'deal', { name: 'Usd', currency_code: 'USD', close_date: '2026-08-01', amount: 900 });
    expect(january).to.include({ amount: 1000, amount__corporate: 1100, big: true });
    expect(july).to.include({ amount__corporate: 1200 });
    expect(dollars).to.include({ amount__corporate: 900, big: false });
  });

  it('filters and sorts by the converted amount, so amounts in different currencies compare', async () => {
    const records = await list({ amount__corporate: { gte: 1000 } }, '-amount__corporate');
    expect(records.map((r: { name: string }) => r.name)).to.deep.equal(['Jul', 'Jan']);
  });

  it('converts again when the rate date moves, and when the rates change', async () => {
    const deal = await createRecord(engine, 'deal', { name: 'Moving', currency_code: 'EUR', close_date: '2026-03-15', amount: 100 });
    const moved = await engine.request('PATCH', `/api/v1/records/deal/${deal._id}`, { close_date: '2026-09-01' });
    expect(moved.body.amount__corporate).to.equal(120);
    await put('eur', { rates: [{ from: '2026-01-01', rate: 1.1 }, { from: '2026-07-01', rate: 1.25 }] });
    const after = await engine.request('GET', `/api/v1/records/deal/${deal._id}`);
    expect(after.body).to.include({ amount__corporate: 125, _version: 2 });
  });

  it('refuses an amount in a currency the tenant does not define (400) or has no rate for on its date (422)', async () => {
    const unknown = await engine.request('POST', '/api/v1/records/deal', { currency_code: 'GBP', amount: 5 });
    expect(unknown.status).to.equal(400);
    expect(unknown.body.error.details[0].path).to.equal('/currency_code');
    const tooEarly = await engine.request('POST', '/api/v1/records/deal', { currency_code: 'EUR', close_date: '2025-12-31', amount: 5 });
    expect(tooEarly.status).to.equal(422);
    expect(tooEarly.body.error.code).to.equal('no_exchange_rate');
  });

  it('refuses removing a currency that stored amounts are in (409) and keeps it', async () => {
    const response = await engine.request('DELETE', '/api/v1/meta/currencies/eur');
    expect(response.status).to.equal(409);
    expect((await engine.request('GET', '/api/v1/meta/currencies')).body.currencies.map((c: { name: string }) => c.name)).to.include('eur');
  });

  it('refuses a client value for the converted amount', async () => {
    expect((await engine.request('POST', '/api/v1/records/deal', { amount: 1, amount__corporate: 5 })).status).to.equal(400);
  });

  it('refuses a currency field whose code or rate-date field is not a fitting field', async () => {
    const response = await engine.request('POST', '/api/v1/meta/objects/deal/fields', { name: 'fee', type: 'currency', currencyField: 'close_date', rateDate: 'name' });
    expect(response.status).to.equal(400);
    expect(response.body.error.details.map((d: { path: string }) => d.path)).to.have.members(['/currencyField', '/rateDate']);
  });
});
