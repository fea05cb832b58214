import { expect } from 'chai';
import { allRecords, createRecord, defineObject, expectError, metadataVersion } from '../support/api-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

const JSON_HEADERS = { 'content-type': 'application/json' };

describe('HTTP errors', () => {
  let engine: TestEngine;
  let record: Record<string, any>;
  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, { name: 'memo', fields: [{ name: 'subject', type: 'text', required: true }, { name: 'body', type: 'longtext', maxLength: 131072 }, { name: 'attachment', type: 'json' }] });
    record = await createRecord(engine, 'memo', { subject: 'Hello' });
  });
  after(async () => {
    await engine.stop();
  });

  describe('refuses a malformed JSON body with 400 invalid_json, writing nothing', () => {
    const bodies = ['{"subject": "Hi"', "{'subject': 'Hi'}", '{"subject": "Hi",}', 'subject=Hi', '{"subject": undefined}'];
    const routes: [string, string, () => string][] = [
      ['POST', '/api/v1/records/memo', () => '/api/v1/records/memo'],
      ['PATCH', '/api/v1/records/memo/:id', () => `/api/v1/records/memo/${record._id}`],
      ['POST', '/api/v1/meta/objects', () => '/api/v1/meta/objects'],
      ['POST', '/api/v1/meta/objects/memo/fields', () => '/api/v1/meta/objects/memo/fields'],
    ];
    for (const [method, label, path] of routes) {
      it(`on ${method} ${label}`, async () => {
        const records = await allRecords(engine, 'memo');
        const version = await metadataVersion(engine);
        for (const body of bodies) {
          const response = await engine.request(method, path(), body, JSON_HEADERS);
          expectError(response, 400, 'invalid_json');
        }
        expect(await allRecords(engine, 'memo')).to.deep.equal(records);
        expect(await metadataVersion(engine)).to.equal(version);
      });
    }
  });

  it('refuses a body over 1 MB with 413, writing nothing', async () => {
    const records = await allRecords(engine, 'memo');
    const huge = { subject: 'Big', body: 'x'.repeat(1024 * 1024 + 1) };
    expectError(await engine.request('POST', '/api/v1/records/memo', huge), 413, 'body_too_large');
    expectError(await engine.request('PATCH', `/api/v1/records/memo/${record._id}`, huge), 413, 'body_too_large');
    expect(await allRecords(engine, 'memo')).to.deep.equal(records);
  });

  it('accepts a body just under 1 MB', async () => {
    // No one field holds a megabyte (long texts 128 KB, JSON values 64 KB): eight long texts do.
    const parts = Array.from({ length: 8 }, (_, i) => `part_${i}`);
    await defineObject(engine, { name: 'bulk_memo', fields: parts.map((name) => ({ name, type: 'longtext', maxLength: 131072 })) });
    const body = JSON.stringify(Object.fromEntries(parts.map((name) => [name, 'y'.repeat(131_000)])));
    expect(Buffer.byteLength(body)).to.be.within(1024 * 1024 - 1000, 1024 * 1024);
    const response = await engine.request('POST', '/api/v1/records/bulk_memo', body, JSON_HEADERS);
    expect(response.status, JSON.stringify(response.body).slice(0, 300)).to.equal(201);
    await engine.request('DELETE', `/api/v1/records/bulk_memo/${response.body._id}`);
  });

  it('refuses a JSON body that is not an object with 400', async () => {
    for (const body of ['[]', '"memo"', '42', 'null', 'true']) {
      const response = await engine.request('POST', '/api/v1/records/memo', body, JSON_HEADERS);
      expectError(response, 400, 'validation_failed');
    }
  });

  it('refuses a create without a JSON body with 400', async () => {
    expectError(await engine.request('POST', '/api/v1/records/memo'), 400, 'validation_failed');
  });

  it('answers an unknown /api route with 404 JSON', async () => {
    for (const [method, path] of [
      ['GET', '/api/v1/nothing'],
      ['POST', '/api/v1/nothing'],
      ['GET', '/api/v2/records/memo'],
      ['GET', '/api'],
      ['DELETE', '/api/v1/meta/unknown'],
      ['PUT', `/api/v1/records/memo/${'0'.repeat(24)}/extra`],
    ] as const) {
      const response = await engine.request(method, path);
      expectError(response, 404, 'not_found');
    }
  });

  it('refuses a query parameter given twice with 400', async () => {
    const response = await engine.request('GET', '/api/v1/records/memo?limit=5&limit=10');
    expectError(response, 400, 'validation_failed');
    expect(response.body.error.details).to.deep.equal([{ path: '/limit', message: 'must be given once, as text' }]);
  });

  it('keeps internals out of error responses', async () => {
    const response = await engine.request('POST', '/api/v1/records/memo', '{"subject": ', JSON_HEADERS);
    expect(JSON.stringify(response.body)).to.not.match(/at .*\.(ts|js):\d+|SyntaxError|node_modules/);
  });
});
