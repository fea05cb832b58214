import { expect } from 'chai';
import { DEFAULT_TENANT } from '../../engine/tenancy/index.js';
import { JSON_MAX_BYTES, JSON_MAX_DEPTH } from '../../engine/fields/json.js';
import { createRecord, defineObject, expectError } from '../support/api-helpers.js';
import { parseCsv } from '../support/permission-fixtures.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/** Arrays nested `depth` levels: `[[[...]]]`. */
const nested = (depth: number): unknown[] => {
  let value: unknown[] = [];
  for (let i = 1; i < depth; i++) value = [value];
  return value;
};

describe('json field values: bounded when written, harmless when stored deep', () => {
  let engine: TestEngine;
  const path = (id = '') => `/api/v1/records/integration${id ? `/${id}` : ''}`;

  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, {
      name: 'integration',
      fields: [
        { name: 'name', type: 'text' },
        { name: 'payload', type: 'json', trackHistory: true },
        { name: 'extra', type: 'json' },
      ],
    });
  });
  after(() => engine.stop());

  describe('at write time', () => {
    it(`accepts a value nested ${JSON_MAX_DEPTH} levels deep`, async () => {
      const created = await createRecord(engine, 'integration', { name: 'at the limit', payload: nested(JSON_MAX_DEPTH) });
      expect(created.payload).to.deep.equal(nested(JSON_MAX_DEPTH));
    });

    it(`refuses a value nested ${JSON_MAX_DEPTH + 1} levels deep with 400 at its path, on create and update`, async () => {
      const body = { name: 'too deep', payload: { wrapper: nested(JSON_MAX_DEPTH) } };
      const [detail] = expectError(await engine.request('POST', path(), body), 400, 'validation_failed');
      expect(detail).to.deep.equal({ path: '/payload', message: `nests arrays and objects more than ${JSON_MAX_DEPTH} levels deep; flatten the value to at most ${JSON_MAX_DEPTH} levels` });
      const record = await createRecord(engine, 'integration', { name: 'shallow' });
      const patched = await engine.request('PATCH', path(record._id), { extra: nested(JSON_MAX_DEPTH + 1) });
      expect(expectError(patched, 400, 'validation_failed').map((problem) => problem.path)).to.deep.equal(['/extra']);
    });

    it('refuses a value larger than 64 KB as JSON, naming its size and the limit', async () => {
      const big = { rows: Array.from({ length: 700 }, (_, i) => ({ id: i, note: 'x'.repeat(90) })) };
      const [detail] = expectError(await engine.request('POST', path(), { name: 'too big', payload: big }), 400, 'validation_failed');
      expect(detail!.path).to.equal('/payload');
      expect(detail!.message).to.contain(`${Buffer.byteLength(JSON.stringify(big))} bytes`).and.to.contain(`${JSON_MAX_BYTES} bytes`);
    });

    it('refuses a default value over the limits when the field is defined', async () => {
      const response = await engine.request('POST', '/api/v1/meta/objects', {
        name: 'deep_default',
        fields: [{ name: 'payload', type: 'json', default: nested(JSON_MAX_DEPTH + 1) }],
      });
      expect(expectError(response, 400, 'validation_failed').map((problem) => problem.path)).to.deep.equal(['/fields/0/default']);
    });
  });

  describe('a record whose stored value was written deep before the limits', () => {
    const storeDeep = async (id: string, depth: number) => {
      const tenant = await engine.platform.tenant(DEFAULT_TENANT);
      const collection = tenant.metadata.snapshot.object('integration')!.collection;
      await tenant.store.collection(collection).updateOne({ _id: id }, { $set: { payload: nested(depth) } });
    };

    for (const depth of [2_000, 50_000]) {
      it(`reads, updates, transfers, exports, shows history of and deletes it, ${depth} levels deep`, async () => {
        const record = await createRecord(engine, 'integration', { name: `deep ${depth}`, payload: { a: 1 } });
        await storeDeep(record._id, depth);

        // Read: the value too deep to carry reads as absent, the rest of the record as stored.
        const read = await engine.request('GET', path(record._id));
        expect(read.status).to.equal(200);
        expect(read.body).to.include({ name: `deep ${depth}` }).and.not.have.property('payload');
        const listed = await engine.request('GET', `${path()}?filter=${encodeURIComponent(JSON.stringify({ name: `deep ${depth}` }))}`);
        expect(listed.status).to.equal(200);
        expect(listed.body.records).to.have.length(1);
        const present = await engine.request('GET', `${path()}?filter=${encodeURIComponent(JSON.stringify({ name: `deep ${depth}`, payload: { isNull: false } }))}`);
        expect(present.body.records, JSON.stringify(present.body)).to.have.length(1);

        // Update another field; then the owner; both keep the stored value as it is.
        const patched = await engine.request('PATCH', path(record._id), { name: `still deep ${depth}` });
        expect(patched.status, JSON.stringify(patched.body)).to.equal(200);
        const transferred = await engine.request('PUT', `${path(record._id)}/owner`, { owner: engine.adminId });
        expect(transferred.status, JSON.stringify(transferred.body)).to.equal(200);

        const exported = await fetch(`${engine.url}${path()}/export?fields=name,payload`, { headers: { authorization: `Bearer ${engine.token}` } });
        expect(exported.status).to.equal(200);
        expect(parseCsv(await exported.text()).map((row) => row.slice(1))).to.deep.include([`still deep ${depth}`, '']);

        // Replacing the value writes history whose old side is too deep to keep.
        const replaced = await engine.request('PATCH', path(record._id), { payload: { b: 1 } });
        expect(replaced.status, JSON.stringify(replaced.body)).to.equal(200);
        expect(replaced.body.payload).to.deep.equal({ b: 1 });
        await storeDeep(record._id, depth);
        const history = await engine.request('GET', `${path(record._id)}/history`);
        expect(history.status).to.equal(200);
        expect(history.body.entries.filter((entry: { field?: string }) => entry.field === 'payload').map((entry: { old: unknown; new: unknown }) => [entry.old, entry.new])).to.deep.equal([[null, { b: 1 }]]);

        const deleted = await engine.request('DELETE', path(record._id));
        expect(deleted.status, JSON.stringify(deleted.body)).to.equal(204);
        const audit = await engine.request('GET', `/api/v1/audit?object=integration&record=${record._id}`);
        expect(audit.status).to.equal(200);
      });
    }

    it('lets the field be deleted while a record holds a deep value', async () => {
      const record = await createRecord(engine, 'integration', { name: 'field delete' });
      await storeDeep(record._id, 50_000);
      const definition = (await engine.request('GET', '/api/v1/meta/objects/integration')).body.definition;
      const withoutPayload = { ...definition, fields: definition.fields.filter((field: { name: string }) => field.name !== 'payload') };
      const changed = await engine.request('PUT', '/api/v1/meta/objects/integration', withoutPayload);
      expect(changed.status, JSON.stringify(changed.body)).to.equal(200);
      const read = await engine.request('GET', path(record._id));
      expect(read.status).to.equal(200);
      expect(read.body).to.not.have.property('payload');
    });
  });
});
