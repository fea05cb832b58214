import { expect } from 'chai';
import { allRecords, defineObject, expectError } from '../support/api-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

const numbers = (n: number, format: (i: number) => string) => Array.from({ length: n }, (_, i) => format(i + 1));

describe('auto-numbers under concurrent creates', () => {
  let engine: TestEngine;
  beforeEach(async () => {
    engine = await startTestEngine();
    await defineObject(engine, {
      name: 'purchase_request',
      fields: [
        { name: 'title', type: 'text', required: true },
        { name: 'code', type: 'text', unique: true },
        { name: 'number', type: 'autonumber', format: 'PR-{0000}' },
      ],
    });
  });
  afterEach(async () => {
    await engine.stop();
  });

  it('gives 50 concurrent creates 50 distinct numbers, PR-0001 to PR-0050', async () => {
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => engine.request('POST', '/api/v1/records/purchase_request', { title: `Request ${i}` })),
    );
    expect(responses.map((response) => response.status)).to.deep.equal(Array(50).fill(201));
    const given = responses.map((response) => response.body.number as string);
    expect(new Set(given).size).to.equal(50);
    expect([...given].sort()).to.deep.equal(numbers(50, (i) => `PR-${String(i).padStart(4, '0')}`));

    // stored as answered, and increasing in the order the records were created
    const stored = await allRecords(engine, 'purchase_request');
    expect(stored.map((record) => record.number)).to.deep.equal(numbers(50, (i) => `PR-${String(i).padStart(4, '0')}`));
  });

  it('uses no number for concurrent creates that fail, so the numbers have no gaps', async () => {
    const attempts = Array.from({ length: 40 }, (_, i) =>
      // every fourth create repeats a unique code (409), every fourth + 1 misses its title (400)
      i % 4 === 0
        ? { code: 'SAME', title: `dup ${i}` }
        : i % 4 === 1
          ? { code: `C${i}` }
          : { title: `ok ${i}`, code: `C${i}` },
    );
    const responses = await Promise.all(attempts.map((body) => engine.request('POST', '/api/v1/records/purchase_request', body)));
    const created = responses.filter((response) => response.status === 201);
    expect(responses.filter((response) => response.status === 409)).to.have.length(9);
    for (const response of responses.filter((response) => response.status === 400)) expectError(response, 400, 'validation_failed');
    expect(created).to.have.length(21);
    expect(created.map((response) => response.body.number as string).sort()).to.deep.equal(numbers(21, (i) => `PR-${String(i).padStart(4, '0')}`));
  });

  it('continues the sequence after concurrent bursts and deletes, never reusing a number', async () => {
    const burst = (n: number) =>
      Promise.all(Array.from({ length: n }, (_, i) => engine.request('POST', '/api/v1/records/purchase_request', { title: `b${i}` })));
    const first = await burst(10);
    await engine.request('DELETE', `/api/v1/records/purchase_request/${first[9]!.body._id}`);
    const second = await burst(10);
    const all = [...first, ...second].map((response) => response.body.number as string);
    expect(new Set(all).size).to.equal(20);
    expect(second.map((response) => response.body.number as string).sort()).to.deep.equal(
      numbers(10, (i) => `PR-${String(i + 10).padStart(4, '0')}`),
    );
  });

  it('keeps every digit once the counter outgrows the padding', async () => {
    await defineObject(engine, { name: 'ticket', fields: [{ name: 'number', type: 'autonumber', format: 'T-{0}', startAt: 8 }] });
    const responses = await Promise.all(Array.from({ length: 5 }, () => engine.request('POST', '/api/v1/records/ticket', {})));
    expect(responses.map((response) => response.body.number as string).sort()).to.deep.equal(['T-10', 'T-11', 'T-12', 'T-8', 'T-9']);
  });
});
