import { expect } from 'chai';
import { allRecords, defineObject, expectError, listPath } from '../support/api-helpers.js';
import { startTestEngine, type TestEngine, type TestResponse } from '../support/test-engine.js';

/** Bytes sent as they are, where TestEngine.request would encode a string as UTF-8 itself. */
async function sendBytes(engine: TestEngine, method: string, path: string, bytes: Uint8Array, contentType = 'application/json'): Promise<TestResponse> {
  const response = await fetch(`${engine.url}${path}`, { method, headers: { authorization: `Bearer ${engine.token}`, 'content-type': contentType }, body: bytes });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

/** JSON with one string value whose bytes are given: `{"name":"<bytes>"}`. */
function bodyWith(bytes: number[]): Uint8Array {
  return Uint8Array.from([...Buffer.from('{"name":"'), ...bytes, ...Buffer.from('"}')]);
}

describe('UTF-8 only: invalid bytes are refused, never stored as replacement characters', () => {
  let engine: TestEngine;
  let id: string;

  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, { name: 'note', fields: [{ name: 'name', type: 'text' }] });
    id = (await engine.request('POST', '/api/v1/records/note', { name: 'kept' })).body._id;
  });
  after(() => engine.stop());

  const invalid: [what: string, bytes: number[]][] = [
    ['a Latin-1 é (0xE9)', [0x63, 0x61, 0x66, 0xe9]],
    ['a lone continuation byte', [0x80]],
    ['a truncated three-byte sequence', [0xe4, 0xb8]],
    ['an overlong encoding of "/"', [0xc0, 0xaf]],
    ['an encoded surrogate half', [0xed, 0xa0, 0x80]],
  ];

  for (const [what, bytes] of invalid) {
    it(`refuses a body with ${what} with 400, on create and on update, storing nothing`, async () => {
      const before = await allRecords(engine, 'note');
      for (const [method, path] of [['POST', '/api/v1/records/note'], ['PATCH', `/api/v1/records/note/${id}`]] as const) {
        const response = await sendBytes(engine, method, path, bodyWith(bytes));
        const details = expectError(response, 400, 'invalid_encoding');
        expect(details).to.deep.equal([{ path: '', message: 'is not valid UTF-8' }]);
      }
      expect(await allRecords(engine, 'note')).to.deep.equal(before);
      expect(JSON.stringify(await allRecords(engine, 'note'))).to.not.include('\uFFFD');
    });
  }

  it('refuses the same with an explicit charset=utf-8', async () => {
    expectError(await sendBytes(engine, 'POST', '/api/v1/records/note', bodyWith([0xe9]), 'application/json; charset=utf-8'), 400, 'invalid_encoding');
  });

  it('accepts valid UTF-8 in every script, and the replacement character itself when sent as such', async () => {
    for (const name of ['café', '中文名称', '😀 emoji', 'a \uFFFD sent on purpose']) {
      const response = await sendBytes(engine, 'POST', '/api/v1/records/note', Buffer.from(JSON.stringify({ name }), 'utf8'));
      expect(response.status, JSON.stringify(response.body)).to.equal(201);
      expect(response.body.name).to.equal(name);
    }
  });

  it('refuses percent-escapes in the query string that are not UTF-8, and accepts those that are', async () => {
    const bad = `${listPath('note')}?filter=${encodeURIComponent('{"name":"caf')}%E9${encodeURIComponent('"}')}`;
    expectError(await engine.request('GET', bad), 400, 'invalid_encoding');
    expectError(await engine.request('GET', '/api/v1/records/note?sort=%C0%AF'), 400, 'invalid_encoding');
    const good = await engine.request('GET', listPath('note', { filter: { name: 'café' } }));
    expect(good.status, JSON.stringify(good.body)).to.equal(200);
    expect(good.body.records.map((record: { name: string }) => record.name)).to.deep.equal(['café']);
  });

  it('refuses percent-escapes in a path that are not UTF-8', async () => {
    expectError(await engine.request('GET', '/api/v1/records/note/%E9'), 400, 'invalid_path');
  });
});
