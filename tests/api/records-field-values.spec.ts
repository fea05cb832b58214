import { expect } from 'chai';
import { createRecord, defineObject, expectError } from '../support/api-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/** What each field type accepts from a client and how it comes back: the stored form of valid input. */
describe('records API: field values by type', () => {
  let engine: TestEngine;
  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, {
      name: 'sample',
      fields: [
        { name: 'title', type: 'text', maxLength: 10 },
        { name: 'notes', type: 'longtext' },
        { name: 'quantity', type: 'number' },
        { name: 'weight', type: 'number', precision: 5, scale: 2 },
        { name: 'price', type: 'currency', currency: 'EUR' },
        { name: 'discount', type: 'percent' },
        { name: 'due', type: 'date' },
        { name: 'starts_at', type: 'datetime' },
        { name: 'active', type: 'boolean' },
        { name: 'stage', type: 'picklist', values: ['new', { value: 'old', active: false }] },
        { name: 'tags', type: 'multipicklist', values: ['a', 'b', 'c'] },
        { name: 'email', type: 'email' },
        { name: 'phone', type: 'phone' },
        { name: 'website', type: 'url' },
        { name: 'payload', type: 'json' },
      ],
    });
  });
  after(async () => {
    await engine.stop();
  });

  const cases: { type: string; field: string; input: unknown; stored: unknown }[] = [
    { type: 'text up to its maxLength', field: 'title', input: '0123456789', stored: '0123456789' },
    { type: 'text in any script', field: 'title', input: '采购申请', stored: '采购申请' },
    { type: 'long text', field: 'notes', input: 'line one\nline two', stored: 'line one\nline two' },
    { type: 'a number with scale 0, rounded half away from zero', field: 'quantity', input: 2.5, stored: 3 },
    { type: 'a negative number, rounded away from zero', field: 'quantity', input: -2.5, stored: -3 },
    { type: 'a number with scale 2', field: 'weight', input: 12.345, stored: 12.35 },
    { type: 'the largest number its precision allows', field: 'weight', input: 999.99, stored: 999.99 },
    { type: 'currency, rounded to cents', field: 'price', input: 10.005, stored: 10.01 },
    { type: 'percent as people write it', field: 'discount', input: 12.5, stored: 12.5 },
    { type: 'a date', field: 'due', input: '2030-02-28', stored: '2030-02-28' },
    { type: 'a date-time, stored in UTC', field: 'starts_at', input: '2030-01-01T09:30:00+08:00', stored: '2030-01-01T01:30:00.000Z' },
    { type: 'a boolean false', field: 'active', input: false, stored: false },
    { type: 'a picklist value', field: 'stage', input: 'new', stored: 'new' },
    { type: 'multi-select values, in the order given', field: 'tags', input: ['c', 'a'], stored: ['c', 'a'] },
    { type: 'an e-mail, in lower case', field: 'email', input: 'Ann.Lee@Example.COM', stored: 'ann.lee@example.com' },
    { type: 'a phone number in an international style', field: 'phone', input: '+86 (21) 5555-0100', stored: '+86 (21) 5555-0100' },
    { type: 'an https URL', field: 'website', input: 'https://example.com/path?q=1', stored: 'https://example.com/path?q=1' },
    { type: 'a JSON object', field: 'payload', input: { nested: [1, { ok: true }], text: 'x' }, stored: { nested: [1, { ok: true }], text: 'x' } },
    { type: 'a JSON list', field: 'payload', input: [1, 'two'], stored: [1, 'two'] },
  ];
  for (const { type, field, input, stored } of cases) {
    it(`stores ${type}`, async () => {
      const created = await createRecord(engine, 'sample', { [field]: input });
      expect(created[field]).to.deep.equal(stored);
      const read = await engine.request('GET', `/api/v1/records/sample/${created._id}`);
      expect(read.body[field]).to.deep.equal(stored);
    });
  }

  it('refuses a number beyond what its precision and scale allow', async () => {
    const response = await engine.request('POST', '/api/v1/records/sample', { weight: 1000 });
    expect(expectError(response, 400)[0]!.message).to.match(/at most 999.99/);
  });

  it('refuses an inactive picklist value on writes, yet keeps it on the records that hold it', async () => {
    await defineObject(engine, { name: 'ticket', fields: [{ name: 'stage', type: 'picklist', values: ['new', 'old'] }] });
    const holder = await createRecord(engine, 'ticket', { stage: 'old' });
    const deactivated = await engine.request('PATCH', '/api/v1/meta/objects/ticket/fields/stage', { values: ['new', { value: 'old', active: false }] });
    expect(deactivated.status).to.equal(200);
    expect((await engine.request('GET', `/api/v1/records/ticket/${holder._id}`)).body.stage).to.equal('old');
    expectError(await engine.request('POST', '/api/v1/records/ticket', { stage: 'old' }), 400);
    // a record holding it can still change its other values
    expect((await engine.request('PATCH', `/api/v1/records/ticket/${holder._id}`, { stage: 'new' })).status).to.equal(200);
  });

  describe('defaults', () => {
    before(async () => {
      await defineObject(engine, {
        name: 'defaulted',
        fields: [
          { name: 'title', type: 'text', required: true, default: 'Untitled' },
          { name: 'priority', type: 'picklist', values: ['low', 'normal'], default: 'normal' },
          { name: 'quantity', type: 'number', default: 1 },
          { name: 'active', type: 'boolean', default: true },
          { name: 'tags', type: 'multipicklist', values: ['a', 'b'], default: ['a'] },
          { name: 'payload', type: 'json', default: { source: 'web' } },
          { name: 'note', type: 'text' },
        ],
      });
    });

    it('fills every field the client left out with its default, and a required field with a default needs no value', async () => {
      const created = await createRecord(engine, 'defaulted', {});
      expect(created).to.include({ title: 'Untitled', priority: 'normal', quantity: 1, active: true });
      expect(created.tags).to.deep.equal(['a']);
      expect(created.payload).to.deep.equal({ source: 'web' });
      expect(created).to.not.have.property('note');
    });

    it('keeps the values the client sent over the defaults', async () => {
      const created = await createRecord(engine, 'defaulted', { title: 'Mine', priority: 'low', quantity: 0, active: false, tags: ['b'] });
      expect(created).to.include({ title: 'Mine', priority: 'low', quantity: 0, active: false });
      expect(created.tags).to.deep.equal(['b']);
    });

    it('gives each record its own copy of an object default', async () => {
      const first = await createRecord(engine, 'defaulted', {});
      await engine.request('PATCH', `/api/v1/records/defaulted/${first._id}`, { payload: { source: 'changed' } });
      const second = await createRecord(engine, 'defaulted', {});
      expect(second.payload).to.deep.equal({ source: 'web' });
    });
  });
});
