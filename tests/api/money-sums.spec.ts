import { expect } from 'chai';
import { createRecord, defineObject } from '../support/api-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/** Amounts as a user types them, whose binary floating-point sums drift (0.1 + 0.2, 1234.57 × n). */
const AMOUNTS = ['0.10', '0.20', '0.30', '1234.57', '19.99', '0.07', '105483.29', '33.33', '0.01', '7.15', '2.68', '99999.99'];
/** Weights at scale 3. */
const WEIGHTS = ['0.001', '0.100', '0.200', '12.345', '0.333', '7.007'];
const REGIONS = ['north', 'south', 'east'] as const;

/** A decimal text as whole units of its scale, by integer arithmetic only: '1234.57' at scale 2 is 123457n. */
function units(text: string, scale: number): bigint {
  const [whole, fraction = ''] = text.split('.');
  return BigInt(whole!) * 10n ** BigInt(scale) + BigInt(fraction.padEnd(scale, '0'));
}

/** Whole units back to the decimal text the API's number must print as, trailing zeros dropped: 123450n at 2 is '1234.5'. */
function decimal(value: bigint, scale: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`.replace(/\.?0+$/, '');
  return `${negative ? '-' : ''}${text}`;
}

/** The average of whole units over a count, rounded half away from zero to two more decimals than the scale (positive sums). */
function average(total: bigint, count: number, scale: number): string {
  const scaled = total * 100n;
  return decimal((2n * scaled + BigInt(count)) / (2n * BigInt(count)), scale + 2);
}

interface Payment {
  amount: string;
  weight: string;
  region: (typeof REGIONS)[number];
  batch: number;
}

/** Sums, averages and roll-ups of currency and fixed-scale numbers are exact to the field's scale. */
describe('money sums are exact to the scale', () => {
  let engine: TestEngine;
  let batches: Record<string, any>[];
  const payments: (Payment & { id: string })[] = [];

  const summary = async (query: string) => {
    const response = await engine.request('GET', `/api/v1/records/payment/summary?${query}`);
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    return response.body;
  };
  const totalOf = (of: readonly Payment[], field: 'amount' | 'weight', scale: number) => of.reduce((sum, payment) => sum + units(payment[field], scale), 0n);

  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, { name: 'payment_batch', fields: [{ name: 'label', type: 'text' }] });
    await defineObject(engine, {
      name: 'payment',
      fields: [
        { name: 'payment_batch', type: 'masterdetail', target: 'payment_batch' },
        { name: 'amount', type: 'currency' },
        { name: 'weight', type: 'number', scale: 3 },
        { name: 'region', type: 'picklist', values: [...REGIONS] },
      ],
    });
    const rollup = await engine.request('POST', '/api/v1/meta/objects/payment_batch/fields', { name: 'paid', type: 'rollup', child: 'payment', function: 'sum', field: 'amount' });
    expect(rollup.status, JSON.stringify(rollup.body)).to.equal(201);
    batches = [];
    for (const label of ['A', 'B']) batches.push(await createRecord(engine, 'payment_batch', { label }));
    for (let n = 0; n < 96; n++) {
      const payment: Payment = { amount: AMOUNTS[n % AMOUNTS.length]!, weight: WEIGHTS[n % WEIGHTS.length]!, region: REGIONS[n % REGIONS.length]!, batch: n % 2 };
      const created = await createRecord(engine, 'payment', {
        payment_batch: batches[payment.batch]!._id,
        amount: Number(payment.amount),
        weight: Number(payment.weight),
        region: payment.region,
      });
      payments.push({ ...payment, id: created._id });
    }
  });
  after(() => engine.stop());

  it('sums and averages currency and scale-3 numbers by group exactly, as integer arithmetic does', async () => {
    const body = await summary('groupBy=region&measures=sum:amount,avg:amount,sum:weight,avg:weight');
    expect(body.groups).to.have.length(REGIONS.length);
    for (const group of body.groups as Record<string, any>[]) {
      const of = payments.filter((payment) => payment.region === group.key);
      expect(group.count).to.equal(of.length);
      expect(String(group.sum.amount), `sum of ${group.key}`).to.equal(decimal(totalOf(of, 'amount', 2), 2));
      expect(String(group.avg.amount), `average of ${group.key}`).to.equal(average(totalOf(of, 'amount', 2), of.length, 2));
      expect(String(group.sum.weight)).to.equal(decimal(totalOf(of, 'weight', 3), 3));
      expect(String(group.avg.weight)).to.equal(average(totalOf(of, 'weight', 3), of.length, 3));
    }
    expect(String(body.total.sum.amount)).to.equal(decimal(totalOf(payments, 'amount', 2), 2));
    expect(String(body.total.avg.amount)).to.equal(average(totalOf(payments, 'amount', 2), payments.length, 2));
  });

  it('sums 0.1 and 0.2 to 0.3, and a large total to its cents', async () => {
    const small = await summary(`filter=${encodeURIComponent(JSON.stringify({ amount: { lte: 0.2 }, region: 'north' }))}&measures=sum:amount`);
    const smallOf = payments.filter((payment) => Number(payment.amount) <= 0.2 && payment.region === 'north');
    expect(String(small.total.sum.amount)).to.equal(decimal(totalOf(smallOf, 'amount', 2), 2));
    const large = await summary(`filter=${encodeURIComponent(JSON.stringify({ amount: { gte: 1000 } }))}&measures=sum:amount`);
    expect(String(large.total.sum.amount)).to.match(/^\d+(\.\d{1,2})?$/);
    expect(String(large.total.sum.amount)).to.equal(decimal(totalOf(payments.filter((payment) => Number(payment.amount) >= 1000), 'amount', 2), 2));
  });

  it('keeps a roll-up sum exact to the cent through creates, updates and deletes of its details', async () => {
    const rollupOf = async (index: number) => String((await engine.request('GET', `/api/v1/records/payment_batch/${batches[index]!._id}`)).body.paid);
    const live = () => payments.filter((payment) => payment.amount !== '');
    for (const index of [0, 1]) expect(await rollupOf(index)).to.equal(decimal(totalOf(live().filter((p) => p.batch === index), 'amount', 2), 2));

    for (const payment of payments.slice(0, 30)) {
      payment.amount = payment.amount === '0.10' ? '0.20' : '0.10';
      const response = await engine.request('PATCH', `/api/v1/records/payment/${payment.id}`, { amount: Number(payment.amount) });
      expect(response.status, JSON.stringify(response.body)).to.equal(200);
    }
    for (const payment of payments.slice(30, 40)) {
      expect((await engine.request('DELETE', `/api/v1/records/payment/${payment.id}`)).status).to.equal(204);
      payment.amount = '';
    }
    for (const index of [0, 1]) {
      expect(await rollupOf(index)).to.equal(decimal(totalOf(live().filter((p) => p.batch === index), 'amount', 2), 2));
    }
  });

  it('converts an amount to the corporate currency exact to the cent, and sums the converted amounts exactly', async () => {
    expect((await engine.request('PUT', '/api/v1/meta/currencies/usd', { corporate: true })).status).to.equal(200);
    expect((await engine.request('PUT', '/api/v1/meta/currencies/eur', { rates: [{ from: '2000-01-01', rate: 1.234777 }] })).status).to.equal(200);
    await defineObject(engine, { name: 'invoice', fields: [{ name: 'amount', type: 'currency', currency: 'EUR' }] });
    // 8114300650.17 × 1.234777 = 10019351813.91418…: the binary product rounds to 10019351813.92
    const cases = [
      { amount: '8114300650.17', corporate: '10019351813.91' },
      { amount: '0.10', corporate: '0.12' },
      { amount: '1234.57', corporate: '1524.42' },
    ];
    for (const { amount, corporate } of cases) {
      const invoice = await createRecord(engine, 'invoice', { amount: Number(amount) });
      expect(String(invoice.amount__corporate), amount).to.equal(corporate);
    }
    const body = (await engine.request('GET', '/api/v1/records/invoice/summary?measures=sum:amount__corporate')).body;
    expect(String(body.total.sum.amount__corporate)).to.equal(decimal(cases.reduce((sum, { corporate }) => sum + units(corporate, 2), 0n), 2));
  });
});
