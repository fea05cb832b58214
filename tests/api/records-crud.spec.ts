import { expect } from 'chai';
import { allRecords, createRecord, defineObject, detailPaths, expectError } from '../support/api-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

const RECORDS = '/api/v1/records/purchase_request';
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('records API: create, read, update, delete', () => {
  let engine: TestEngine;
  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, {
      name: 'purchase_request',
      label: { en: 'Purchase request', 'zh-CN': '采购申请' },
      fields: [
        { name: 'title', type: 'text', required: true, maxLength: 200 },
        { name: 'amount', type: 'currency', required: true, min: 0 },
        { name: 'needed_by', type: 'date' },
        { name: 'priority', type: 'picklist', values: ['low', 'normal', 'high'], default: 'normal' },
        { name: 'number', type: 'autonumber', format: 'PR-{0000}' },
      ],
    });
  });
  after(async () => {
    await engine.stop();
  });

  it('creates a record: 201, its location, version 1 as ETag, system fields, defaults and its auto-number', async () => {
    const response = await engine.request('POST', RECORDS, { title: 'Laptops', amount: 12000 });
    expect(response.status).to.equal(201);
    const record = response.body;
    expect(record._id).to.match(/^[0-9a-f]{24}$/);
    expect(response.headers.get('location')).to.equal(`${RECORDS}/${record._id}`);
    expect(response.headers.get('etag')).to.equal('"1"');
    expect(record).to.include({ title: 'Laptops', amount: 12000, priority: 'normal', _version: 1, _owner: engine.adminId, _createdBy: engine.adminId, _updatedBy: engine.adminId });
    expect(record.number).to.match(/^PR-\d{4}$/);
    expect(record._createdAt).to.match(ISO_DATE_TIME);
    expect(record._updatedAt).to.equal(record._createdAt);
  });

  it('reads a record by id with its version as ETag, and only the selected fields when asked', async () => {
    const created = await createRecord(engine, 'purchase_request', { title: 'Desks', amount: 800, needed_by: '2030-03-01' });
    const read = await engine.request('GET', `${RECORDS}/${created._id}`);
    expect(read.status).to.equal(200);
    expect(read.headers.get('etag')).to.equal('"1"');
    // Roll-ups change a record without a new version: a browser must not keep it and revalidate by the ETag.
    expect(read.headers.get('cache-control')).to.equal('no-store');
    expect(read.body).to.deep.equal(created);

    const selected = await engine.request('GET', `${RECORDS}/${created._id}?fields=title,needed_by`);
    expect(selected.body).to.deep.equal({ _id: created._id, _version: 1, title: 'Desks', needed_by: '2030-03-01' });
    expectError(await engine.request('GET', `${RECORDS}/${created._id}?fields=title,colour`), 400);
  });

  it('updates only the sent fields, bumps the version and _updatedAt, and sends the new ETag', async () => {
    const created = await createRecord(engine, 'purchase_request', { title: 'Chairs', amount: 300, priority: 'low' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const response = await engine.request('PATCH', `${RECORDS}/${created._id}`, { amount: 350 });
    expect(response.status).to.equal(200);
    expect(response.headers.get('etag')).to.equal('"2"');
    const { _updatedAt, ...rest } = response.body;
    const { _updatedAt: createdAt, ...before } = created;
    expect(rest).to.deep.equal({ ...before, amount: 350, _version: 2 });
    expect(_updatedAt > createdAt).to.equal(true);
    expect((await engine.request('GET', `${RECORDS}/${created._id}`)).body).to.deep.equal(response.body);
  });

  it('clears an optional field sent as null, and refuses to clear a required one', async () => {
    const created = await createRecord(engine, 'purchase_request', { title: 'Monitors', amount: 900, needed_by: '2030-05-01' });
    const cleared = await engine.request('PATCH', `${RECORDS}/${created._id}`, { needed_by: null });
    expect(cleared.status).to.equal(200);
    expect(cleared.body).to.not.have.property('needed_by');
    expect(cleared.body._version).to.equal(2);

    const refused = await engine.request('PATCH', `${RECORDS}/${created._id}`, { title: null, amount: null });
    expectError(refused, 400, 'validation_failed');
    expect(detailPaths(refused)).to.deep.equal(['/amount', '/title']);
    expect((await engine.request('GET', `${RECORDS}/${created._id}`)).body).to.deep.equal(cleared.body);
  });

  it('keeps the version when an update changes nothing', async () => {
    const created = await createRecord(engine, 'purchase_request', { title: 'Pens', amount: 5 });
    const response = await engine.request('PATCH', `${RECORDS}/${created._id}`, { title: 'Pens', amount: 5 });
    expect(response.status).to.equal(200);
    expect(response.body).to.deep.equal(created);
  });

  describe('optimistic concurrency with If-Match', () => {
    it('refuses an update with a stale version with 412 and leaves the record as it was', async () => {
      const created = await createRecord(engine, 'purchase_request', { title: 'Phones', amount: 1000 });
      const first = await engine.request('PATCH', `${RECORDS}/${created._id}`, { amount: 1100 }, { 'If-Match': '"1"' });
      expect(first.status).to.equal(200);
      expect(first.headers.get('etag')).to.equal('"2"');

      const stale = await engine.request('PATCH', `${RECORDS}/${created._id}`, { amount: 1200 }, { 'If-Match': '"1"' });
      expectError(stale, 412, 'version_conflict');
      expect(stale.body.error.message).to.match(/current version is 2/);
      expect((await engine.request('GET', `${RECORDS}/${created._id}`)).body).to.deep.equal(first.body);
    });

    it('accepts the current version, quoted as the ETag came or bare', async () => {
      const created = await createRecord(engine, 'purchase_request', { title: 'Tablets', amount: 2000 });
      const etag = (await engine.request('GET', `${RECORDS}/${created._id}`)).headers.get('etag')!;
      const quoted = await engine.request('PATCH', `${RECORDS}/${created._id}`, { amount: 2100 }, { 'If-Match': etag });
      expect(quoted.status).to.equal(200);
      const bare = await engine.request('PATCH', `${RECORDS}/${created._id}`, { amount: 2200 }, { 'If-Match': String(quoted.body._version) });
      expect(bare.status).to.equal(200);
      expect(bare.headers.get('etag')).to.equal('"3"');
      expect(bare.body).to.include({ amount: 2200, _version: 3 });
    });

    it('refuses an If-Match that is not a version with 400', async () => {
      const created = await createRecord(engine, 'purchase_request', { title: 'Cables', amount: 20 });
      const response = await engine.request('PATCH', `${RECORDS}/${created._id}`, { amount: 25 }, { 'If-Match': 'yesterday' });
      expect(detailPaths(response)).to.deep.equal(['/headers/if-match']);
      expectError(response, 400);
      expect((await engine.request('GET', `${RECORDS}/${created._id}`)).body).to.deep.equal(created);
    });

    it('refuses a delete with a stale version with 412 and keeps the record', async () => {
      const created = await createRecord(engine, 'purchase_request', { title: 'Bags', amount: 40 });
      await engine.request('PATCH', `${RECORDS}/${created._id}`, { amount: 45 });
      expectError(await engine.request('DELETE', `${RECORDS}/${created._id}`, undefined, { 'If-Match': '"1"' }), 412, 'version_conflict');
      expect((await engine.request('GET', `${RECORDS}/${created._id}`)).status).to.equal(200);
      expect((await engine.request('DELETE', `${RECORDS}/${created._id}`, undefined, { 'If-Match': '"2"' })).status).to.equal(204);
    });
  });

  it('deletes a record with 204; it is gone from reads and lists', async () => {
    const created = await createRecord(engine, 'purchase_request', { title: 'Lamps', amount: 60 });
    const response = await engine.request('DELETE', `${RECORDS}/${created._id}`);
    expect(response.status).to.equal(204);
    expect(response.body).to.equal(undefined);
    expectError(await engine.request('GET', `${RECORDS}/${created._id}`), 404, 'not_found');
    expect((await allRecords(engine, 'purchase_request')).map((record) => record._id)).to.not.include(created._id);
  });

  it('answers 404 for a record id that does not exist, on read, update and delete', async () => {
    for (const id of ['0123456789abcdef01234567', 'not-an-id']) {
      expectError(await engine.request('GET', `${RECORDS}/${id}`), 404, 'not_found');
      expectError(await engine.request('PATCH', `${RECORDS}/${id}`, { amount: 1 }), 404, 'not_found');
      expectError(await engine.request('DELETE', `${RECORDS}/${id}`), 404, 'not_found');
    }
  });

  it('answers 404 for an object that does not exist, on every records route', async () => {
    const base = '/api/v1/records/no_such_object';
    for (const [method, path, body] of [
      ['GET', base],
      ['POST', base, { title: 'x' }],
      ['GET', `${base}/0123456789abcdef01234567`],
      ['PATCH', `${base}/0123456789abcdef01234567`, { title: 'x' }],
      ['DELETE', `${base}/0123456789abcdef01234567`],
    ] as const) {
      const response = await engine.request(method, path, body);
      expectError(response, 404, 'not_found');
      expect(response.body.error.message).to.match(/no object named 'no_such_object'/);
    }
  });

  describe('never lets a client write system fields', () => {
    const systemFields: [string, unknown][] = [
      ['_id', '0123456789abcdef01234567'],
      ['_owner', 'mallory'],
      ['_version', 99],
      ['_createdAt', '2000-01-01T00:00:00.000Z'],
      ['_createdBy', 'mallory'],
      ['_updatedAt', '2000-01-01T00:00:00.000Z'],
      ['_updatedBy', 'mallory'],
      ['_workflow', { state: 'approved' }],
      ['_deleted', true],
    ];
    for (const [name, value] of systemFields) {
      it(`refuses ${name} on create and on update with 400, writing nothing`, async () => {
        const existing = await createRecord(engine, 'purchase_request', { title: `holder of ${name}`, amount: 1 });
        const before = await allRecords(engine, 'purchase_request');

        const create = await engine.request('POST', RECORDS, { title: 'Sneaky', amount: 1, [name]: value });
        expectError(create, 400, 'validation_failed');
        expect(detailPaths(create)).to.deep.equal([`/${name}`]);
        const update = await engine.request('PATCH', `${RECORDS}/${existing._id}`, { amount: 2, [name]: value });
        expectError(update, 400, 'validation_failed');
        expect(detailPaths(update)).to.deep.equal([`/${name}`]);

        expect(await allRecords(engine, 'purchase_request')).to.deep.equal(before);
      });
    }

    it('names every system field sent in one response', async () => {
      const response = await engine.request('POST', RECORDS, { title: 'Sneaky', amount: 1, _id: 'x', _owner: 'mallory', _version: 7 });
      expect(detailPaths(response)).to.deep.equal(['/_id', '/_owner', '/_version']);
    });
  });

  it('refuses an auto-number value from the client on create and on update, writing nothing', async () => {
    const existing = await createRecord(engine, 'purchase_request', { title: 'Numbered', amount: 1 });
    const before = await allRecords(engine, 'purchase_request');
    const create = await engine.request('POST', RECORDS, { title: 'Forged', amount: 1, number: 'PR-9999' });
    expectError(create, 400, 'validation_failed');
    expect(create.body.error.details).to.deep.equal([{ path: '/number', message: 'is computed by the platform (autonumber) and cannot be set' }]);
    const update = await engine.request('PATCH', `${RECORDS}/${existing._id}`, { number: 'PR-0000' });
    expect(detailPaths(update)).to.deep.equal(['/number']);
    expect(await allRecords(engine, 'purchase_request')).to.deep.equal(before);
    // the refused creates used up no number
    const next = await createRecord(engine, 'purchase_request', { title: 'Next', amount: 1 });
    expect(Number(next.number.slice(3))).to.equal(Number(existing.number.slice(3)) + 1);
  });
});
