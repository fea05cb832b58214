import { expect } from 'chai';
import { createRecord, defineObject, expectError, listPath, listRecords } from '../support/api-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

const cursorOf = (state: unknown) => Buffer.from(JSON.stringify(state)).toString('base64url');

/**
 * User input never becomes a raw store filter: every key is a field of the object or and/or, every
 * operator is on the type's allowlist, every operand is a valid value of its field.
 */
describe('records API: the filter and the cursor are checked before they reach the store', () => {
  let engine: TestEngine;
  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, { name: 'supplier' });
    await defineObject(engine, {
      name: 'deal',
      fields: [
        { name: 'title', type: 'text' },
        { name: 'amount', type: 'currency' },
        { name: 'stage', type: 'picklist', values: ['new', 'won'] },
        { name: 'tags', type: 'multipicklist', values: ['hot', 'cold'] },
        { name: 'closed_on', type: 'date' },
        { name: 'won', type: 'boolean' },
        { name: 'notes', type: 'longtext' },
        { name: 'payload', type: 'json' },
        { name: 'supplier', type: 'lookup', target: 'supplier' },
      ],
    });
    for (let i = 1; i <= 6; i++) await createRecord(engine, 'deal', { title: `Deal ${i}`, amount: i * 100, stage: i % 2 ? 'new' : 'won' });
  });
  after(async () => {
    await engine.stop();
  });

  const refuse = (cases: { does: string; filter: unknown; paths: string[] }[]) => {
    for (const { does, filter, paths } of cases) {
      it(`refuses ${does}`, async () => {
        const response = await engine.request('GET', listPath('deal', { filter }));
        const details = expectError(response, 400, 'validation_failed');
        expect(details.map((detail) => detail.path).sort()).to.deep.equal([...paths].sort());
        expect(response.body).to.not.have.property('records');
      });
    }
  };

  describe('any $ key, wherever it appears', () => {
    refuse([
      { does: '$where at the top', filter: { $where: 'sleep(1000) || true' }, paths: ['/filter/$where'] },
      { does: '$function at the top', filter: { $function: { body: 'function() { return true }', args: [], lang: 'js' } }, paths: ['/filter/$function'] },
      { does: '$expr at the top', filter: { $expr: { $gt: ['$amount', 0] } }, paths: ['/filter/$expr'] },
      { does: '$accumulator at the top', filter: { $accumulator: {} }, paths: ['/filter/$accumulator'] },
      { does: 'a MongoDB $or at the top', filter: { $or: [{ stage: 'new' }] }, paths: ['/filter/$or'] },
      { does: '$where beside a valid condition', filter: { stage: 'new', $where: 'true' }, paths: ['/filter/$where'] },
      { does: '$gt inside a field', filter: { amount: { $gt: 0 } }, paths: ['/filter/amount/$gt'] },
      { does: '$regex inside a field', filter: { title: { $regex: '.*' } }, paths: ['/filter/title/$regex'] },
      { does: '$where inside a field', filter: { title: { $where: 'true' } }, paths: ['/filter/title/$where'] },
      { does: '$ne as the operand of eq', filter: { title: { eq: { $ne: null } } }, paths: ['/filter/title/eq'] },
      { does: '$ne as a bare value', filter: { title: { $ne: null } }, paths: ['/filter/title/$ne'] },
      { does: '$gt inside an in list', filter: { title: { in: [{ $gt: '' }] } }, paths: ['/filter/title/in/0'] },
      { does: '$where inside and', filter: { and: [{ stage: 'new' }, { $where: 'true' }] }, paths: ['/filter/and/1/$where'] },
      { does: '$function inside or', filter: { or: [{ $function: {} }] }, paths: ['/filter/or/0/$function'] },
      { does: '$expr deep inside and / or', filter: { or: [{ and: [{ stage: 'new' }, { or: [{ $expr: {} }] }] }] }, paths: ['/filter/or/0/and/1/or/0/$expr'] },
      { does: '$gt inside a field inside or', filter: { or: [{ amount: { $gt: 0 } }] }, paths: ['/filter/or/0/amount/$gt'] },
      { does: 'a JSON operand that looks like a query', filter: { payload: { eq: { $where: 'true' } } }, paths: ['/filter/payload/eq'] },
    ]);
  });

  describe('keys that are not fields of the object', () => {
    refuse([
      { does: 'an unknown field', filter: { colour: 'red' }, paths: ['/filter/colour'] },
      { does: 'an unknown field inside or', filter: { or: [{ stage: 'new' }, { colour: 'red' }] }, paths: ['/filter/or/1/colour'] },
      { does: 'a dotted path into a field', filter: { 'payload.secret': 'x' }, paths: ['/filter/payload.secret'] },
      { does: '__proto__', filter: JSON.parse('{"__proto__": {"eq": "x"}}'), paths: ['/filter/__proto__'] },
      { does: '__proto__ inside or', filter: JSON.parse('{"or": [{"__proto__": {"title": "x"}}]}'), paths: ['/filter/or/0/__proto__'] },
      { does: 'constructor', filter: { constructor: 'x' }, paths: ['/filter/constructor'] },
      { does: 'toString', filter: { toString: { eq: 'x' } }, paths: ['/filter/toString'] },
      { does: 'hasOwnProperty', filter: { hasOwnProperty: { isNull: true } }, paths: ['/filter/hasOwnProperty'] },
      { does: 'an operator name used as a field', filter: { gt: 5 }, paths: ['/filter/gt'] },
    ]);
  });

  describe('operators the field type does not allow', () => {
    refuse([
      { does: 'contains on a number', filter: { amount: { contains: '1' } }, paths: ['/filter/amount/contains'] },
      { does: 'startsWith on a date', filter: { closed_on: { startsWith: '2030' } }, paths: ['/filter/closed_on/startsWith'] },
      { does: 'gt on a boolean', filter: { won: { gt: false } }, paths: ['/filter/won/gt'] },
      { does: 'gt on a multi-select', filter: { tags: { gt: 'hot' } }, paths: ['/filter/tags/gt'] },
      { does: 'eq on a JSON field', filter: { payload: { eq: { a: 1 } } }, paths: ['/filter/payload/eq'] },
      { does: 'eq on a long text', filter: { notes: 'hello' }, paths: ['/filter/notes'] },
      { does: 'contains on a lookup', filter: { supplier: { contains: 'ab' } }, paths: ['/filter/supplier/contains'] },
      { does: 'an operator that does not exist', filter: { title: { like: '%a%' } }, paths: ['/filter/title/like'] },
      { does: 'regex as an operator name', filter: { title: { regex: '.*' } }, paths: ['/filter/title/regex'] },
    ]);
  });

  describe('operands of the wrong type', () => {
    refuse([
      { does: 'text for a number', filter: { amount: { gte: 'abc' } }, paths: ['/filter/amount/gte'] },
      { does: 'a bare text for a number', filter: { amount: 'abc' }, paths: ['/filter/amount'] },
      { does: 'a list for eq', filter: { amount: { eq: [1, 2] } }, paths: ['/filter/amount/eq'] },
      { does: 'a single value for in', filter: { stage: { in: 'new' } }, paths: ['/filter/stage/in'] },
      { does: 'an empty in list', filter: { stage: { in: [] } }, paths: ['/filter/stage/in'] },
      { does: 'a wrong value inside an in list', filter: { amount: { in: [1, 'two'] } }, paths: ['/filter/amount/in/1'] },
      { does: 'a picklist value not in the list', filter: { stage: 'lost' }, paths: ['/filter/stage'] },
      { does: 'a date that is not a date', filter: { closed_on: { gte: 'tomorrow' } }, paths: ['/filter/closed_on/gte'] },
      { does: 'text for a boolean', filter: { won: 'yes' }, paths: ['/filter/won'] },
      { does: 'isNull with text', filter: { title: { isNull: 'yes' } }, paths: ['/filter/title/isNull'] },
      { does: 'contains with a number', filter: { title: { contains: 5 } }, paths: ['/filter/title/contains'] },
      { does: 'contains with empty text', filter: { title: { contains: '' } }, paths: ['/filter/title/contains'] },
      { does: 'a lookup operand that is not a record id', filter: { supplier: 'ACME' }, paths: ['/filter/supplier'] },
      { does: 'an id that is not a record id', filter: { _id: { gt: { $gt: '' } } }, paths: ['/filter/_id/gt'] },
    ]);
  });

  describe('filters that are not shaped like filters', () => {
    refuse([
      { does: 'a list', filter: [{ stage: 'new' }], paths: ['/filter'] },
      { does: 'a string', filter: '"stage"', paths: ['/filter'] },
      { does: 'an and that is not a list', filter: { and: { stage: 'new' } }, paths: ['/filter/and'] },
      { does: 'an empty or', filter: { or: [] }, paths: ['/filter/or'] },
      { does: 'an or entry that is not an object', filter: { or: ['stage'] }, paths: ['/filter/or/0'] },
      {
        does: 'and / or nested deeper than six levels',
        filter: { or: [{ or: [{ or: [{ or: [{ or: [{ or: [{ or: [{ stage: 'new' }] }] }] }] }] }] }] },
        paths: ['/filter/or/0/or/0/or/0/or/0/or/0/or/0/or/0'],
      },
    ]);
  });

  describe('names inherited from Object.prototype in sort and fields', () => {
    for (const [parameter, value] of [['sort', 'constructor'], ['sort', '-toString'], ['fields', 'title,constructor'], ['fields', '__proto__']] as const) {
      it(`refuses ${parameter}=${value} as not a field`, async () => {
        const response = await engine.request('GET', listPath('deal', { [parameter]: value }));
        const details = expectError(response, 400, 'validation_failed');
        expect(details.map((detail) => detail.path)).to.deep.equal([`/${parameter}`]);
        expect(details[0]!.message).to.match(/is not a field of deal/);
      });
    }
  });

  it('names every problem of one filter at once', async () => {
    const filter = { $where: 'true', colour: 1, amount: { contains: 'x', gte: 'abc' }, or: [{ $expr: {} }] };
    const response = await engine.request('GET', listPath('deal', { filter }));
    expectError(response, 400, 'validation_failed');
    expect(response.body.error.details.map((detail: { path: string }) => detail.path).sort()).to.deep.equal(
      ['/filter/$where', '/filter/colour', '/filter/amount/contains', '/filter/amount/gte', '/filter/or/0/$expr'].sort(),
    );
  });

  describe('a forged cursor', () => {
    const forged: { does: string; cursor: () => Promise<string> | string }[] = [
      { does: 'a random token', cursor: () => 'not-a-cursor' },
      { does: 'base64 of text that is not JSON', cursor: () => Buffer.from('hello').toString('base64url') },
      { does: 'a cursor without its sort', cursor: () => cursorOf({ v: [1] }) },
      { does: 'a cursor whose values are not a list', cursor: () => cursorOf({ s: 'title,_id', v: 'x' }) },
      { does: 'a cursor carrying an operator object', cursor: () => cursorOf({ s: 'title,_id', v: [{ $gt: '' }, 'x'] }) },
      { does: 'a cursor carrying $where', cursor: () => cursorOf({ s: 'title,_id', v: [{ $where: 'true' }, 'x'] }) },
      { does: 'a cursor with fewer values than sort keys', cursor: () => cursorOf({ s: 'title,_id', v: ['x'] }) },
      { does: 'a cursor made for another sort', cursor: () => cursorOf({ s: '-amount,_id', v: [100, 'x'] }) },
      {
        does: 'a real cursor replayed with another sort',
        cursor: async () => (await listRecords(engine, 'deal', { sort: '-amount', limit: 2 })).next!,
      },
    ];
    for (const { does, cursor } of forged) {
      it(`refuses ${does} with 400`, async () => {
        const response = await engine.request('GET', listPath('deal', { sort: 'title', limit: 2, cursor: await cursor() }));
        const details = expectError(response, 400, 'validation_failed');
        expect(details.map((detail) => detail.path)).to.deep.equal(['/cursor']);
      });
    }

    it('accepts the cursor it gave out, for the same sort', async () => {
      const first = await listRecords(engine, 'deal', { sort: 'title', limit: 2 });
      const second = await listRecords(engine, 'deal', { sort: 'title', limit: 2, cursor: first.next! });
      expect(second.records.map((record) => record.title)).to.deep.equal(['Deal 3', 'Deal 4']);
    });
  });
});
