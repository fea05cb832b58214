import { expect } from 'chai';
import { createRecord, defineObject, expectError, listRecords } from '../support/api-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const records = (object: string, id = '') => `/api/v1/records/${object}${id ? `/${id}` : ''}`;
const bin = (object: string, id = '') => `/api/v1/recycle-bin/${object}${id ? `/${id}` : ''}`;

interface BinEntry {
  record: Record<string, any>;
  deletedAt: string;
  deletedBy: string;
  alsoDeleted: number;
}

/** vendor ← purchase (master-detail), vendor ← contact (optional lookup, cleared on delete). */
async function defineVendors(engine: TestEngine): Promise<void> {
  await defineObject(engine, {
    name: 'vendor',
    fields: [
      { name: 'name', type: 'text', required: true },
      { name: 'code', type: 'text', unique: true },
      { name: 'number', type: 'autonumber', format: 'V-{000}' },
    ],
  });
  await defineObject(engine, {
    name: 'purchase',
    fields: [
      { name: 'title', type: 'text', required: true },
      { name: 'vendor', type: 'masterdetail', target: 'vendor' },
    ],
  });
  await defineObject(engine, {
    name: 'contact',
    fields: [
      { name: 'name', type: 'text', required: true },
      { name: 'vendor', type: 'lookup', target: 'vendor' },
    ],
  });
}

describe('recycle bin API: delete, list, restore and purge', () => {
  let engine: TestEngine;
  const get = (object: string, id: string) => engine.request('GET', records(object, id));
  const remove = (object: string, id: string, headers?: Record<string, string>) => engine.request('DELETE', records(object, id), undefined, headers);
  const restore = (object: string, id: string) => engine.request('POST', `${bin(object, id)}/restore`);
  const entries = async (object: string): Promise<BinEntry[]> => {
    const response = await engine.request('GET', bin(object));
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    return response.body.entries;
  };
  const entryOf = async (object: string, id: string) => (await entries(object)).find((entry) => entry.record._id === id);

  before(async () => {
    engine = await startTestEngine();
    await defineVendors(engine);
  });
  after(async () => {
    await engine.stop();
  });

  describe('a deleted record is gone from everything that reads live records', () => {
    it('is 404 on get, absent from lists and their totals, and its related lists are 404', async () => {
      const vendor = await createRecord(engine, 'vendor', { name: 'Gone Inc' });
      await createRecord(engine, 'purchase', { title: 'Paper', vendor: vendor._id });
      const before = await listRecords(engine, 'vendor', { total: true });

      expect((await remove('vendor', vendor._id)).status).to.equal(204);

      expectError(await get('vendor', vendor._id), 404);
      const after = await listRecords(engine, 'vendor', { total: true });
      expect(after.records.map((record) => record._id)).to.not.include(vendor._id);
      expect(after.total).to.equal(before.total! - 1);
      expect((await listRecords(engine, 'purchase', { filter: { vendor: vendor._id }, total: true })).total).to.equal(0);
      expectError(await engine.request('GET', `${records('vendor', vendor._id)}/related/purchase`), 404);
    });

    it("drops a deleted detail from its master's related list and its total", async () => {
      const vendor = await createRecord(engine, 'vendor', { name: 'Related Inc' });
      const kept = await createRecord(engine, 'purchase', { title: 'Kept', vendor: vendor._id });
      const dropped = await createRecord(engine, 'purchase', { title: 'Dropped', vendor: vendor._id });

      expect((await remove('purchase', dropped._id)).status).to.equal(204);

      const related = await engine.request('GET', `${records('vendor', vendor._id)}/related/purchase?total=true`);
      expect(related.body.records.map((record: { _id: string }) => record._id)).to.deep.equal([kept._id]);
      expect(related.body.total).to.equal(1);
    });

    it('is refused as a lookup or master-detail target on create and update (400)', async () => {
      const vendor = await createRecord(engine, 'vendor', { name: 'Target Inc' });
      const contact = await createRecord(engine, 'contact', { name: 'Cara' });
      expect((await remove('vendor', vendor._id)).status).to.equal(204);

      const paths = (response: Awaited<ReturnType<typeof get>>) => expectError(response, 400).map((detail) => detail.path);
      expect(paths(await engine.request('POST', records('contact'), { name: 'Dan', vendor: vendor._id }))).to.deep.equal(['/vendor']);
      expect(paths(await engine.request('POST', records('purchase'), { title: 'Ink', vendor: vendor._id }))).to.deep.equal(['/vendor']);
      expect(paths(await engine.request('PATCH', records('contact', contact._id), { vendor: vendor._id }))).to.deep.equal(['/vendor']);
    });

    it('cannot be updated or deleted again (404)', async () => {
      const vendor = await createRecord(engine, 'vendor', { name: 'Twice Inc' });
      expect((await remove('vendor', vendor._id)).status).to.equal(204);
      expectError(await engine.request('PATCH', records('vendor', vendor._id), { name: 'Back' }), 404);
      expectError(await remove('vendor', vendor._id), 404);
      expect((await entries('vendor')).filter((entry) => entry.record._id === vendor._id)).to.have.length(1);
    });
  });

  describe('listing the bin', () => {
    it('lists a deleted record with deletedAt, deletedBy and how many records went with it, newest first', async () => {
      const first = await createRecord(engine, 'vendor', { name: 'Listed First' });
      const second = await createRecord(engine, 'vendor', { name: 'Listed Second' });
      await createRecord(engine, 'purchase', { title: 'A', vendor: second._id });
      await createRecord(engine, 'purchase', { title: 'B', vendor: second._id });
      const startedAt = new Date().toISOString();

      expect((await remove('vendor', first._id)).status).to.equal(204);
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect((await remove('vendor', second._id)).status).to.equal(204);

      const listed = await entries('vendor');
      const ids = listed.map((entry) => entry.record._id);
      expect(ids.indexOf(second._id)).to.be.lessThan(ids.indexOf(first._id));
      const entry = listed.find((candidate) => candidate.record._id === second._id)!;
      expect(entry.record).to.include({ _id: second._id, name: 'Listed Second' });
      expect(entry.deletedAt).to.match(ISO_DATE_TIME);
      expect(entry.deletedAt >= startedAt).to.equal(true);
      expect(entry.deletedBy).to.equal(engine.adminId);
      expect(entry.alsoDeleted).to.equal(2);
      expect(listed.find((candidate) => candidate.record._id === first._id)!.alsoDeleted).to.equal(0);
    });

    it('does not list details deleted with their master under their own object, but lists one deleted alone', async () => {
      const vendor = await createRecord(engine, 'vendor', { name: 'Detail Listing Inc' });
      const withMaster = await createRecord(engine, 'purchase', { title: 'With master', vendor: vendor._id });
      const alone = await createRecord(engine, 'purchase', { title: 'Alone', vendor: vendor._id });
      expect((await remove('purchase', alone._id)).status).to.equal(204);
      expect((await remove('vendor', vendor._id)).status).to.equal(204);

      const ids = (await entries('purchase')).map((entry) => entry.record._id);
      expect(ids).to.include(alone._id);
      expect(ids).to.not.include(withMaster._id);
    });

    it('honours limit and refuses a bad one (400), and an unknown object (404)', async () => {
      for (const name of ['Limit A', 'Limit B']) {
        expect((await remove('vendor', (await createRecord(engine, 'vendor', { name }))._id)).status).to.equal(204);
      }
      expect((await engine.request('GET', `${bin('vendor')}?limit=1`)).body.entries).to.have.length(1);
      expectError(await engine.request('GET', `${bin('vendor')}?limit=0`), 400);
      expectError(await engine.request('GET', bin('no_such_object')), 404);
    });
  });

  describe('restore', () => {
    it('brings back the record as it was, with the details deleted with it, and takes it out of the bin', async () => {
      const vendor = await createRecord(engine, 'vendor', { name: 'Restored Inc', code: 'RESTORED' });
      const purchases = [
        await createRecord(engine, 'purchase', { title: 'One', vendor: vendor._id }),
        await createRecord(engine, 'purchase', { title: 'Two', vendor: vendor._id }),
      ];
      const before = (await get('vendor', vendor._id)).body;
      expect((await remove('vendor', vendor._id)).status).to.equal(204);

      const restored = await restore('vendor', vendor._id);
      expect(restored.status, JSON.stringify(restored.body)).to.equal(200);
      expect(restored.body).to.deep.equal(before);
      expect(restored.headers.get('etag')).to.equal(`"${before._version}"`);
      expect((await get('vendor', vendor._id)).body).to.deep.equal(before);
      for (const purchase of purchases) expect((await get('purchase', purchase._id)).body).to.deep.equal(purchase);
      expect(await entryOf('vendor', vendor._id)).to.equal(undefined);
      expectError(await restore('vendor', vendor._id), 404);
    });

    it('re-links the lookups the delete cleared, but not one pointed elsewhere since', async () => {
      const vendor = await createRecord(engine, 'vendor', { name: 'Relinked Inc' });
      const elsewhere = await createRecord(engine, 'vendor', { name: 'Elsewhere Inc' });
      const waiting = await createRecord(engine, 'contact', { name: 'Waiting', vendor: vendor._id });
      const moved = await createRecord(engine, 'contact', { name: 'Moved', vendor: vendor._id });
      expect((await remove('vendor', vendor._id)).status).to.equal(204);
      expect((await get('contact', waiting._id)).body).to.not.have.property('vendor');
      expect((await engine.request('PATCH', records('contact', moved._id), { vendor: elsewhere._id })).status).to.equal(200);

      expect((await restore('vendor', vendor._id)).status).to.equal(200);

      expect((await get('contact', waiting._id)).body.vendor).to.equal(vendor._id);
      expect((await get('contact', moved._id)).body.vendor).to.equal(elsewhere._id);
    });

    it('refuses to restore a detail deleted with its master (409 restore_with_master) and leaves it in the bin', async () => {
      const vendor = await createRecord(engine, 'vendor', { name: 'Master First Inc' });
      const purchase = await createRecord(engine, 'purchase', { title: 'Follows', vendor: vendor._id });
      expect((await remove('vendor', vendor._id)).status).to.equal(204);

      expectError(await restore('purchase', purchase._id), 409, 'restore_with_master');
      expectError(await get('purchase', purchase._id), 404);
      expect((await restore('vendor', vendor._id)).status).to.equal(200);
      expect((await get('purchase', purchase._id)).status).to.equal(200);
    });

    it('restores a detail deleted on its own, without touching its master', async () => {
      const vendor = await createRecord(engine, 'vendor', { name: 'Alone Inc' });
      const purchase = await createRecord(engine, 'purchase', { title: 'Alone', vendor: vendor._id });
      expect((await remove('purchase', purchase._id)).status).to.equal(204);

      expect((await restore('purchase', purchase._id)).body).to.deep.equal(purchase);
      expect((await get('vendor', vendor._id)).body).to.deep.equal(vendor);
    });

    it('refuses to restore a detail whose master went to the bin after it (409) until the master is back', async () => {
      const vendor = await createRecord(engine, 'vendor', { name: 'Later Master Inc' });
      const purchase = await createRecord(engine, 'purchase', { title: 'Earlier', vendor: vendor._id });
      expect((await remove('purchase', purchase._id)).status).to.equal(204);
      expect((await remove('vendor', vendor._id)).status).to.equal(204);

      expect(expectError(await restore('purchase', purchase._id), 409, 'parent_deleted').map((detail) => detail.path)).to.deep.equal(['/vendor']);
      expectError(await get('purchase', purchase._id), 404);
      expect((await restore('vendor', vendor._id)).status).to.equal(200);
      expect((await restore('purchase', purchase._id)).status).to.equal(200);
    });

    it('clears an optional lookup of a restored record whose target is no longer live', async () => {
      const vendor = await createRecord(engine, 'vendor', { name: 'Purged Target Inc' });
      const contact = await createRecord(engine, 'contact', { name: 'Stranded', vendor: vendor._id });
      expect((await remove('contact', contact._id)).status).to.equal(204);
      expect((await remove('vendor', vendor._id)).status).to.equal(204);
      expect((await engine.request('DELETE', bin('vendor', vendor._id))).status).to.equal(204);

      const restored = await restore('contact', contact._id);
      expect(restored.status, JSON.stringify(restored.body)).to.equal(200);
      expect(restored.body).to.not.have.property('vendor');
      expect((await get('contact', contact._id)).body).to.not.have.property('vendor');
    });
  });

  describe('unique values and auto-numbers while in the bin', () => {
    it('frees a unique value while the record is in the bin, and shows it in the bin entry', async () => {
      const vendor = await createRecord(engine, 'vendor', { name: 'Freed Inc', code: 'FREED' });
      expect((await remove('vendor', vendor._id)).status).to.equal(204);

      expect((await entryOf('vendor', vendor._id))!.record.code).to.equal('FREED');
      const successor = await createRecord(engine, 'vendor', { name: 'Successor Inc', code: 'FREED' });
      expect(successor.code).to.equal('FREED');
    });

    it('refuses the restore (409 duplicate_value) while another record holds the value, and allows it once freed', async () => {
      const vendor = await createRecord(engine, 'vendor', { name: 'Taken Inc', code: 'TAKEN' });
      expect((await remove('vendor', vendor._id)).status).to.equal(204);
      const taker = await createRecord(engine, 'vendor', { name: 'Taker Inc', code: 'TAKEN' });

      const details = expectError(await restore('vendor', vendor._id), 409, 'duplicate_value');
      expect(details.map((detail) => detail.path)).to.deep.equal(['/code']);
      expectError(await get('vendor', vendor._id), 404);
      expect((await entryOf('vendor', vendor._id))!.record.code).to.equal('TAKEN');

      expect((await engine.request('PATCH', records('vendor', taker._id), { code: 'TAKER' })).status).to.equal(200);
      const restored = await restore('vendor', vendor._id);
      expect(restored.status).to.equal(200);
      expect(restored.body.code).to.equal('TAKEN');
      expectError(await engine.request('PATCH', records('vendor', taker._id), { code: 'TAKEN' }), 409, 'duplicate_value');
    });

    it('keeps the auto-number on restore, and no record created meanwhile takes it', async () => {
      const vendor = await createRecord(engine, 'vendor', { name: 'Numbered Inc' });
      expect(vendor.number).to.match(/^V-\d{3}$/);
      expect((await remove('vendor', vendor._id)).status).to.equal(204);
      const meanwhile = await createRecord(engine, 'vendor', { name: 'Meanwhile Inc' });
      expect(meanwhile.number).to.not.equal(vendor.number);

      expect((await restore('vendor', vendor._id)).body.number).to.equal(vendor.number);
      expect((await get('vendor', vendor._id)).body.number).to.equal(vendor.number);
    });
  });

  describe('purge', () => {
    it('deletes a bin entry for good with the details deleted with it: gone from the bin, restore and purge are 404', async () => {
      const vendor = await createRecord(engine, 'vendor', { name: 'Purged Inc' });
      const purchase = await createRecord(engine, 'purchase', { title: 'Purged too', vendor: vendor._id });
      expect((await remove('vendor', vendor._id)).status).to.equal(204);

      expect((await engine.request('DELETE', bin('vendor', vendor._id))).status).to.equal(204);

      expect(await entryOf('vendor', vendor._id)).to.equal(undefined);
      expectError(await restore('vendor', vendor._id), 404);
      expectError(await engine.request('DELETE', bin('vendor', vendor._id)), 404);
      const tenant = await engine.platform.tenant('default');
      const stored = await tenant.store.collection(tenant.metadata.snapshot.object('purchase')!.collection).findOne({ _id: purchase._id });
      expect(stored).to.equal(null);
    });

    it('refuses to purge or restore a live record (404), and leaves it alone', async () => {
      const vendor = await createRecord(engine, 'vendor', { name: 'Alive Inc' });
      expectError(await engine.request('DELETE', bin('vendor', vendor._id)), 404);
      expectError(await restore('vendor', vendor._id), 404);
      expect((await get('vendor', vendor._id)).body).to.deep.equal(vendor);
    });

    it('refuses to purge a detail deleted with its master on its own (404)', async () => {
      const vendor = await createRecord(engine, 'vendor', { name: 'Purge Master Inc' });
      const purchase = await createRecord(engine, 'purchase', { title: 'Stays binned', vendor: vendor._id });
      expect((await remove('vendor', vendor._id)).status).to.equal(204);

      expectError(await engine.request('DELETE', bin('purchase', purchase._id)), 404);
      expect((await restore('vendor', vendor._id)).status).to.equal(200);
      expect((await get('purchase', purchase._id)).status).to.equal(200);
    });
  });

  describe('If-Match on delete', () => {
    it('refuses a stale version with 412 and moves nothing', async () => {
      const vendor = await createRecord(engine, 'vendor', { name: 'Versioned Inc' });
      const purchase = await createRecord(engine, 'purchase', { title: 'Stays', vendor: vendor._id });
      const contact = await createRecord(engine, 'contact', { name: 'Stays', vendor: vendor._id });
      const updated = (await engine.request('PATCH', records('vendor', vendor._id), { name: 'Versioned Ltd' })).body;

      expectError(await remove('vendor', vendor._id, { 'If-Match': '1' }), 412);

      expect((await get('vendor', vendor._id)).body).to.deep.equal(updated);
      expect((await get('purchase', purchase._id)).body).to.deep.equal(purchase);
      expect((await get('contact', contact._id)).body).to.deep.equal(contact);
      expect(await entryOf('vendor', vendor._id)).to.equal(undefined);
    });

    it('deletes when the version matches', async () => {
      const vendor = await createRecord(engine, 'vendor', { name: 'Matched Inc' });
      expect((await remove('vendor', vendor._id, { 'If-Match': `"${vendor._version}"` })).status).to.equal(204);
      expect((await entryOf('vendor', vendor._id))!.record.name).to.equal('Matched Inc');
    });
  });
});

describe('recycle bin: purging expired entries', () => {
  let engine: TestEngine;
  before(async () => {
    engine = await startTestEngine();
    await defineVendors(engine);
  });
  after(async () => {
    await engine.stop();
  });

  it('keeps an entry younger than the configured days, and purges it with its details once older', async () => {
    const vendor = await createRecord(engine, 'vendor', { name: 'Expiring Inc', code: 'EXPIRING' });
    const purchase = await createRecord(engine, 'purchase', { title: 'Expiring too', vendor: vendor._id });
    expect((await engine.request('DELETE', records('vendor', vendor._id))).status).to.equal(204);
    const listed = async () => (await engine.request('GET', bin('vendor'))).body.entries.map((entry: BinEntry) => entry.record._id);

    expect(await engine.platform.purgeRecycleBins(30)).to.equal(0);
    expect(await listed()).to.deep.equal([vendor._id]);

    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await engine.platform.purgeRecycleBins(0)).to.equal(1);
    expect(await listed()).to.deep.equal([]);
    expectError(await engine.request('POST', `${bin('vendor', vendor._id)}/restore`), 404);
    const tenant = await engine.platform.tenant('default');
    expect(await tenant.store.collection(tenant.metadata.snapshot.object('purchase')!.collection).findOne({ _id: purchase._id })).to.equal(null);
    expect((await createRecord(engine, 'vendor', { name: 'Reuses Inc', code: 'EXPIRING' })).code).to.equal('EXPIRING');
  });

  it('leaves live records alone', async () => {
    const vendor = await createRecord(engine, 'vendor', { name: 'Living Inc' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await engine.platform.purgeRecycleBins(0)).to.equal(0);
    expect((await engine.request('GET', records('vendor', vendor._id))).body).to.deep.equal(vendor);
  });
});
