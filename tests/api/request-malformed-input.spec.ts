import { expect } from 'chai';
import { MAX_JSON_DEPTH } from '../../engine/http/json-nesting.js';
import { allRecords, expectError, listPath } from '../support/api-helpers.js';
import { defineDocumentedObjects, documentedOperations as operations, fetchDoc, type Doc } from '../support/openapi-fixtures.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

const nestedArrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('malformed input at the transport: percent-escapes and deep nesting', () => {
  let engine: TestEngine;
  let doc: Doc;
  before(async () => {
    engine = await startTestEngine();
    await defineDocumentedObjects(engine);
    doc = await fetchDoc(engine);
  });
  after(() => engine.stop());

  it('answers 400 invalid_path to a malformed percent-escape in any path parameter of any API operation', async () => {
    // The reference page's assets are fixed file names, not parameters: another name is an unknown route (404).
    const templated = operations(doc).filter(({ path }) => path.startsWith('/api/v1/') && path.includes('{'));
    expect(templated.length).to.be.greaterThan(40);
    for (const escape of ['%ZZ', '%', '%E0%A4%A', '%C0%AF']) {
      for (const { method, path } of templated) {
        for (const name of [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1])) {
          const url = path.replace(/\{(\w+)\}/g, (_all, param: string) => (param === name ? escape : 'x1'));
          const response = await engine.request(method.toUpperCase(), url, method === 'get' || method === 'delete' ? undefined : {});
          expect(response.status, `${method} ${url}: ${JSON.stringify(response.body)}`).to.equal(400);
          expectError(response, 400, 'invalid_path');
          expect(response.body.error.message).to.contain('%25');
        }
      }
    }
  });

  it('answers 401, not 500, to a malformed percent-escape from a client that is not signed in', async () => {
    expectError(await engine.request('GET', '/api/v1/records/everything/%ZZ', undefined, { authorization: '' }), 401);
  });

  it(`refuses a body nested deeper than ${MAX_JSON_DEPTH} levels with 400 on every operation that takes one, writing nothing`, async () => {
    const before = await allRecords(engine, 'everything');
    const withBody = operations(doc).filter(({ operation }) => operation.requestBody);
    expect(withBody.length).to.be.greaterThan(20);
    for (const depth of [MAX_JSON_DEPTH + 1, 5_000, 100_000]) {
      for (const { method, path } of withBody) {
        const url = path.replace(/\{(\w+)\}/g, '0123456789abcdef01234567');
        for (const body of [`{"title":${nestedArrays(depth)}}`, `{"extra":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`, nestedArrays(depth)]) {
          const response = await engine.request(method.toUpperCase(), url, body, { 'content-type': 'application/json' });
          const details = expectError(response, 400, 'validation_failed');
          expect(details, `${method} ${path}`).to.deep.equal([{ path: '', message: `nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep; flatten the value (at most ${MAX_JSON_DEPTH} levels)` }]);
        }
      }
    }
    expect(await allRecords(engine, 'everything')).to.deep.equal(before);
  });

  it('counts no bracket inside a string: a text of brackets and escaped quotes is stored as sent', async () => {
    const account = (await engine.request('POST', '/api/v1/records/supplier', { name: 'Nested Ltd' })).body._id as string;
    const text = `{"title":"${'[{\\"'.repeat(60)}","account":"${account}"}`;
    const created = await engine.request('POST', '/api/v1/records/everything', text, { 'content-type': 'application/json' });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    expect(created.body.title).to.equal('[{"'.repeat(60));
  });

  it(`lets a body nested ${MAX_JSON_DEPTH} levels through the transport to the field's own checks`, async () => {
    // The json field type sets its own bound on stored values; the transport must not refuse first.
    const response = await engine.request('POST', '/api/v1/records/everything', `{"title":"Deep","extra":${nestedArrays(MAX_JSON_DEPTH - 1)}}`, { 'content-type': 'application/json' });
    const bodyLevel = response.status === 400 ? response.body.error.details.filter((detail: { path: string }) => detail.path === '') : [];
    expect(bodyLevel, JSON.stringify(response.body)).to.deep.equal([]);
    expect(response.status, JSON.stringify(response.body)).to.be.oneOf([201, 400]);
  });

  it(`refuses a filter nested deeper than ${MAX_JSON_DEPTH} levels with 400 at /filter on every operation that takes one`, async () => {
    const withFilter = operations(doc).filter(({ operation }) =>
      (operation.parameters ?? []).some((parameter) => parameter.name === 'filter'),
    );
    expect(withFilter.map(({ path }) => path)).to.include.members(['/api/v1/records/everything', '/api/v1/records/everything/summary', '/api/v1/records/everything/export']);
    const filter = `{"title":${'{"eq":'.repeat(MAX_JSON_DEPTH)}1${'}'.repeat(MAX_JSON_DEPTH)}}`;
    for (const { path } of withFilter) {
      const url = path.replace(/\{(\w+)\}/g, '0123456789abcdef01234567');
      const response = await engine.request('GET', `${url}?filter=${encodeURIComponent(filter)}`);
      expect(expectError(response, 400, 'validation_failed').map((detail) => detail.path), path).to.deep.equal(['/filter']);
      expect(response.body.error.message).to.contain(`at most ${MAX_JSON_DEPTH} levels`);
    }
    const listed = await engine.request('GET', listPath('everything', { filter: { and: [{ title: { eq: ']]]' } }] } }));
    expect(listed.status, JSON.stringify(listed.body)).to.equal(200);
  });
});
