import { expect } from 'chai';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EngineError } from '../../../engine/errors/index.js';
import { addField, createObject, updateField } from '../../../engine/setup/operations/index.js';
import { EmbeddedStoreProvider } from '../../../engine/store/embedded/index.js';
import type { Collections, IndexSpec, Store } from '../../../engine/store/port.js';
import { TEST_MASTER_KEY } from '../../support/test-master-key.js';
import { BUILT_IN_ADMIN, openTenant, operationContext, type Tenant } from '../../../engine/tenancy/index.js';

const admin = (tenant: Tenant) => operationContext(tenant, BUILT_IN_ADMIN);
const refusal = async (work: Promise<unknown>): Promise<EngineError> =>
  work.then(
    () => expect.fail('the change was applied'),
    (error: EngineError) => error,
  );

/** The store, with `beforeUnit` run as each unit of work starts (before its first read). */
function hooked(store: Store, beforeUnit: () => Promise<void>): Store {
  const unitOfWork = async <R>(work: (tx: Collections) => Promise<R>): Promise<R> => {
    await beforeUnit();
    return store.unitOfWork(work);
  };
  return new Proxy(store, {
    get(target, property) {
      if (property === 'unitOfWork') return unitOfWork;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe('metadata changes on a shared store', () => {
  let dir: string;
  let provider: EmbeddedStoreProvider;
  let store: Store;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'crm-metadata-'));
    provider = new EmbeddedStoreProvider(dir, 'process');
    store = await provider.open('acme');
  });
  afterEach(async () => {
    await provider.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Two engine instances share one store: each tenant below is one instance's view of it. */
  describe('from two instances', () => {
    it('an instance that is behind plans on the stored version, so both changes land and neither is lost', async () => {
      const first = await openTenant('acme', store, TEST_MASTER_KEY);
      const second = await openTenant('acme', store, TEST_MASTER_KEY);
      await createObject(admin(first), { name: 'lead', fields: [{ name: 'name', type: 'text' }] });
      await addField(admin(first), 'lead', { name: 'company', type: 'text' });
      // The second instance never saw 'lead': it plans on the stored version, not its own.
      const added = await addField(admin(second), 'lead', { name: 'phone', type: 'phone' });
      expect(added.version).to.equal(first.metadata.snapshot.version + 1);
      expect(second.metadata.snapshot.object('lead')!.object.fields.map((field) => field.name)).to.deep.equal(['name', 'company', 'phone']);
      await first.metadata.refresh();
      expect(first.metadata.snapshot.object('lead')!.object.fields.map((field) => field.name)).to.deep.equal(['name', 'company', 'phone']);
    });

    it('commits only on the version it planned from: a change landing in between is planned over once, then 409 metadata_changed', async () => {
      const first = await openTenant('acme', store, TEST_MASTER_KEY);
      await createObject(admin(first), { name: 'lead', fields: [{ name: 'name', type: 'text' }] });
      let slipping = false;
      let slipped = 0;
      // Between the second instance's planning and its commit, the first one commits a change, every time.
      const second = await openTenant('acme', hooked(store, async () => {
        if (slipping) await addField(admin(first), 'lead', { name: `slipped${++slipped}`, type: 'text' });
      }), TEST_MASTER_KEY);
      slipping = true;
      const error = await refusal(addField(admin(second), 'lead', { name: 'phone', type: 'phone', unique: true }));
      expect(error.status).to.equal(409);
      expect(error.code).to.equal('metadata_changed');
      // Both attempts met a newer version; the first instance's changes stand, the refused one left nothing.
      const stored = second.metadata.snapshot;
      expect(stored.version).to.equal(first.metadata.snapshot.version);
      expect(stored.object('lead')!.object.fields.map((field) => field.name)).to.deep.equal(['name', 'slipped1', 'slipped2']);
      const names = (await store.listIndexes(stored.object('lead')!.collection)).map((index: IndexSpec) => index.name);
      expect(names).to.not.include('unique_phone');
    });
  });

  describe('indexes', () => {
    it('a unique index exists before the change that declares it commits', async () => {
      let seen: IndexSpec[] | undefined;
      let watching = false;
      const tenant = await openTenant('acme', hooked(store, async () => {
        if (watching) seen = await store.listIndexes('records.lead');
      }), TEST_MASTER_KEY);
      await createObject(admin(tenant), { name: 'lead', fields: [{ name: 'email', type: 'text' }] });
      expect(tenant.metadata.snapshot.object('lead')!.collection).to.equal('records.lead');
      watching = true;
      await updateField(admin(tenant), 'lead', 'email', { unique: true }, 'merge');
      expect(seen?.find((index) => index.name === 'unique_email')).to.deep.include({ unique: true });
    });

    it('refuses a unique field over duplicates with 409, a count and a sample, and leaves metadata and indexes as they were', async () => {
      const tenant = await openTenant('acme', store, TEST_MASTER_KEY);
      await createObject(admin(tenant), { name: 'lead', fields: [{ name: 'email', type: 'text' }] });
      const version = tenant.metadata.snapshot.version;
      const records = store.collection('records.lead');
      await records.insertMany([{ _id: 'l1', email: 'a' }, { _id: 'l2', email: 'a' }, { _id: 'l3', email: 'a' }, { _id: 'l4', email: 'b' }]);
      const error = await refusal(updateField(admin(tenant), 'lead', 'email', { unique: true }, 'merge'));
      expect(error.status).to.equal(409);
      expect(error.code).to.equal('duplicate_values');
      expect(String(error.message)).to.contain('one value held by 3 records');
      expect(error.details.map((detail) => String(detail.message))).to.deep.equal(['a value is held by 3 records']);
      expect(tenant.metadata.snapshot.version).to.equal(version);
      expect((await store.listIndexes('records.lead')).map((index) => index.name)).to.not.include('unique_email');
      await records.insertOne({ _id: 'l5', email: 'b' });
    });

    it('rebuilds an index that went missing when the tenant opens', async () => {
      const tenant = await openTenant('acme', store, TEST_MASTER_KEY);
      await createObject(admin(tenant), { name: 'lead', fields: [{ name: 'email', type: 'text', unique: true }] });
      await store.ensureIndexes('records.lead', []);
      await openTenant('acme', store, TEST_MASTER_KEY);
      expect((await store.listIndexes('records.lead')).map((index) => index.name)).to.include('unique_email');
    });
  });
});
