import { expect } from 'chai';
import { allRecords, createRecord, defineObject, detailPaths, expectError } from '../support/api-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

const RECORDS = '/api/v1/records/request';
const MISSING_ID = '0123456789abcdef01234567';

describe('records API: validation of writes', () => {
  let engine: TestEngine;
  let supplier: Record<string, any>;
  let existing: Record<string, any>;
  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, { name: 'supplier', fields: [{ name: 'company', type: 'text' }] });
    await defineObject(engine, {
      name: 'request',
      fields: [
        { name: 'title', type: 'text', required: true, maxLength: 20 },
        { name: 'amount', type: 'number', scale: 2, min: 0, max: 1000 },
        { name: 'share', type: 'percent', min: 0, max: 100 },
        { name: 'contact', type: 'email' },
        { name: 'website', type: 'url' },
        { name: 'phone', type: 'phone' },
        { name: 'priority', type: 'picklist', values: ['low', 'normal', 'high'] },
        { name: 'tags', type: 'multipicklist', values: ['a', 'b', 'c'], maxSelected: 2 },
        { name: 'due', type: 'date' },
        { name: 'starts_at', type: 'datetime' },
        { name: 'active', type: 'boolean' },
        { name: 'payload', type: 'json' },
        { name: 'code', type: 'text', unique: true },
        { name: 'supplier', type: 'lookup', target: 'supplier' },
      ],
    });
    supplier = await createRecord(engine, 'supplier', { company: 'ACME' });
    existing = await createRecord(engine, 'request', { title: 'Existing', amount: 10, code: 'R-1', supplier: supplier._id });
  });
  after(async () => {
    await engine.stop();
  });

  const cases: { does: string; values: Record<string, unknown>; path: string; message: RegExp }[] = [
    { does: 'an unknown field', values: { colour: 'red' }, path: '/colour', message: /is not a field of request/ },
    { does: 'a number for a text', values: { title: 42 }, path: '/title', message: /must be text, got 42/ },
    { does: 'a text longer than its maxLength', values: { title: 'x'.repeat(21) }, path: '/title', message: /at most 20 characters/ },
    { does: 'text for a number', values: { amount: 'abc' }, path: '/amount', message: /must be a number, got 'abc'/ },
    { does: 'a numeric string for a number', values: { amount: '12' }, path: '/amount', message: /must be a number/ },
    { does: 'a number over its max', values: { amount: 1000.01 }, path: '/amount', message: /at most 1000/ },
    { does: 'a number under its min', values: { amount: -1 }, path: '/amount', message: /at least 0/ },
    { does: 'a percent over its max', values: { share: 100.5 }, path: '/share', message: /at most 100/ },
    { does: 'an e-mail without a domain', values: { contact: 'ann@' }, path: '/contact', message: /e-mail address/ },
    { does: 'an e-mail without an @', values: { contact: 'ann.example.com' }, path: '/contact', message: /e-mail address/ },
    { does: 'a javascript: URL', values: { website: 'javascript:alert(1)' }, path: '/website', message: /http:\/\/ or https:\/\// },
    { does: 'a data: URL', values: { website: 'data:text/html,<script>alert(1)</script>' }, path: '/website', message: /http:\/\/ or https:\/\// },
    { does: 'an ftp: URL', values: { website: 'ftp://example.com/file' }, path: '/website', message: /http:\/\/ or https:\/\// },
    { does: 'a URL without a scheme', values: { website: 'example.com' }, path: '/website', message: /http:\/\/ or https:\/\// },
    { does: 'a phone number with letters', values: { phone: 'call me' }, path: '/phone', message: /phone number/ },
    { does: 'a picklist value not in the list', values: { priority: 'urgent' }, path: '/priority', message: /must be one of: low, normal, high; got 'urgent'/ },
    { does: 'a picklist value in the wrong case', values: { priority: 'HIGH' }, path: '/priority', message: /must be one of/ },
    { does: 'a multi-select value not in the list', values: { tags: ['a', 'z'] }, path: '/tags/1', message: /must be one of: a, b, c/ },
    { does: 'a multi-select value chosen twice', values: { tags: ['a', 'a'] }, path: '/tags', message: /must not repeat/ },
    { does: 'more multi-select values than allowed', values: { tags: ['a', 'b', 'c'] }, path: '/tags', message: /at most 2 entries/ },
    { does: 'a single value for a multi-select', values: { tags: 'a' }, path: '/tags', message: /must be a list/ },
    { does: 'an impossible date', values: { due: '2025-13-01' }, path: '/due', message: /date like 2025-12-31/ },
    { does: 'a date in another notation', values: { due: '31/12/2025' }, path: '/due', message: /date like 2025-12-31/ },
    { does: 'a date-time without a time', values: { starts_at: 'tomorrow' }, path: '/starts_at', message: /date and time/ },
    { does: 'text for a boolean', values: { active: 'yes' }, path: '/active', message: /true or false/ },
    { does: 'text for a JSON field', values: { payload: 'text' }, path: '/payload', message: /an object or a list/ },
    { does: 'a lookup that is not a record id', values: { supplier: 'ACME' }, path: '/supplier', message: /record id/ },
  ];

  describe('refuses a create with 400 naming the field, and writes nothing', () => {
    for (const { does, values, path, message } of cases) {
      it(`refuses ${does}`, async () => {
        const before = await allRecords(engine, 'request');
        const response = await engine.request('POST', RECORDS, { title: 'Valid title', ...values });
        const details = expectError(response, 400, 'validation_failed');
        expect(details.map((detail) => detail.path)).to.deep.equal([path]);
        expect(details[0]!.message).to.match(message);
        expect(await allRecords(engine, 'request')).to.deep.equal(before);
      });
    }
  });

  describe('refuses an update with 400 naming the field, and leaves the record as it was', () => {
    for (const { does, values, path } of cases) {
      it(`refuses ${does}`, async () => {
        const before = await allRecords(engine, 'request');
        const response = await engine.request('PATCH', `${RECORDS}/${existing._id}`, values);
        expectError(response, 400, 'validation_failed');
        expect(detailPaths(response)).to.deep.equal([path]);
        expect(await allRecords(engine, 'request')).to.deep.equal(before);
      });
    }
  });

  it('refuses a create without its required field with 400 "is required"', async () => {
    const before = await allRecords(engine, 'request');
    const response = await engine.request('POST', RECORDS, { amount: 5 });
    expect(expectError(response, 400, 'validation_failed')).to.deep.equal([{ path: '/title', message: 'is required' }]);
    expect(await allRecords(engine, 'request')).to.deep.equal(before);
  });

  it('refuses keys inherited from Object.prototype as unknown or system fields', async () => {
    const before = await allRecords(engine, 'request');
    const bodies: [string, string][] = [
      ['{"title": "Proto", "constructor": "x"}', '/constructor'],
      ['{"title": "Proto", "hasOwnProperty": "x"}', '/hasOwnProperty'],
      ['{"title": "Proto", "__proto__": {"amount": 1}}', '/__proto__'],
    ];
    for (const [body, path] of bodies) {
      const response = await engine.request('POST', RECORDS, body, { 'content-type': 'application/json' });
      expectError(response, 400, 'validation_failed');
      expect(detailPaths(response)).to.deep.equal([path]);
    }
    expect(await allRecords(engine, 'request')).to.deep.equal(before);
  });

  it('names every problem of one write in one response', async () => {
    const before = await allRecords(engine, 'request');
    const response = await engine.request('POST', RECORDS, {
      colour: 'red',
      amount: 'abc',
      contact: 'not-an-email',
      website: 'javascript:alert(1)',
      priority: 'urgent',
      share: 250,
      due: 'soon',
      tags: ['x'],
    });
    expectError(response, 400, 'validation_failed');
    expect(detailPaths(response)).to.deep.equal(['/amount', '/colour', '/contact', '/due', '/priority', '/share', '/tags/0', '/title', '/website']);
    expect(response.body.error.message).to.match(/and 8 more problems/);
    expect(await allRecords(engine, 'request')).to.deep.equal(before);

    const tooLongAndOverMax = await engine.request('PATCH', `${RECORDS}/${existing._id}`, { title: 'y'.repeat(30), amount: 5000, active: 'no' });
    expect(detailPaths(tooLongAndOverMax)).to.deep.equal(['/active', '/amount', '/title']);
    expect(await allRecords(engine, 'request')).to.deep.equal(before);
  });

  describe('lookups', () => {
    it('refuses a lookup to a record that does not exist with 400 naming the path, on create and update', async () => {
      const before = await allRecords(engine, 'request');
      const create = await engine.request('POST', RECORDS, { title: 'Orphan', supplier: MISSING_ID });
      expect(expectError(create, 400, 'validation_failed')).to.deep.equal([
        { path: '/supplier', message: `there is no supplier record with id '${MISSING_ID}'` },
      ]);
      const update = await engine.request('PATCH', `${RECORDS}/${existing._id}`, { supplier: MISSING_ID });
      expect(detailPaths(update)).to.deep.equal(['/supplier']);
      expect(await allRecords(engine, 'request')).to.deep.equal(before);
    });

    it('refuses a lookup to a record of another object', async () => {
      const response = await engine.request('POST', RECORDS, { title: 'Wrong target', supplier: existing._id });
      expect(detailPaths(response)).to.deep.equal(['/supplier']);
    });

    it('accepts a lookup to an existing record', async () => {
      const created = await createRecord(engine, 'request', { title: 'Linked', supplier: supplier._id });
      expect(created.supplier).to.equal(supplier._id);
    });

    it('requires a master-detail value, and one that exists', async () => {
      await defineObject(engine, { name: 'request_line', fields: [{ name: 'request', type: 'masterdetail', target: 'request' }, { name: 'item', type: 'text' }] });
      expect(expectError(await engine.request('POST', '/api/v1/records/request_line', { item: 'Pens' }), 400)).to.deep.equal([
        { path: '/request', message: 'is required' },
      ]);
      expect(detailPaths(await engine.request('POST', '/api/v1/records/request_line', { item: 'Pens', request: MISSING_ID }))).to.deep.equal(['/request']);
      expect(await allRecords(engine, 'request_line')).to.deep.equal([]);
      await createRecord(engine, 'request_line', { item: 'Pens', request: existing._id });
    });
  });

  describe('unique values', () => {
    it('refuses a duplicate on create with 409 naming the field, writing nothing', async () => {
      const before = await allRecords(engine, 'request');
      const response = await engine.request('POST', RECORDS, { title: 'Copy', code: 'R-1' });
      expectError(response, 409, 'duplicate_value');
      expect(detailPaths(response)).to.deep.equal(['/code']);
      expect(response.body.error.details[0].message).to.include('already has this code').and.not.include('R-1');
      expect(await allRecords(engine, 'request')).to.deep.equal(before);
    });

    it('refuses a duplicate on update with 409, leaving the record as it was', async () => {
      const other = await createRecord(engine, 'request', { title: 'Other', code: 'R-2' });
      const before = await allRecords(engine, 'request');
      const response = await engine.request('PATCH', `${RECORDS}/${other._id}`, { code: 'R-1', title: 'Renamed' });
      expectError(response, 409, 'duplicate_value');
      expect(await allRecords(engine, 'request')).to.deep.equal(before);
    });

    it('lets any number of records leave a unique field empty', async () => {
      await createRecord(engine, 'request', { title: 'No code 1' });
      await createRecord(engine, 'request', { title: 'No code 2' });
    });

    it('frees a unique value when its record changes or is deleted', async () => {
      const holder = await createRecord(engine, 'request', { title: 'Holder', code: 'R-9' });
      await engine.request('PATCH', `${RECORDS}/${holder._id}`, { code: 'R-10' });
      await createRecord(engine, 'request', { title: 'Takes R-9', code: 'R-9' });
      await engine.request('DELETE', `${RECORDS}/${holder._id}`);
      await createRecord(engine, 'request', { title: 'Takes R-10', code: 'R-10' });
    });

    it('compares unique e-mails as stored, in lower case', async () => {
      await defineObject(engine, { name: 'person', fields: [{ name: 'email', type: 'email', unique: true }] });
      await createRecord(engine, 'person', { email: 'Ann@Example.com' });
      expectError(await engine.request('POST', '/api/v1/records/person', { email: 'ann@example.COM' }), 409, 'duplicate_value');
    });
  });
});
