import { expect } from 'chai';
import { REFERENCE_GUARDS } from '../../engine/records/relationships/reference-guard.js';
import type { Collections, Doc, Store } from '../../engine/store/port.js';
import { createRecord, defineObject, expectError } from '../support/api-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

const records = (object: string, id = '') => `/api/v1/records/${object}${id ? `/${id}` : ''}`;
const bin = (object: string, id = '') => `/api/v1/recycle-bin/${object}${id ? `/${id}` : ''}`;
const guardOf = (object: string, id: string) => `records.${object}:${id}`;

/**
 * Records, for every unit of work of the store, the guard documents it writes. Under snapshot
 * isolation (MongoDB) two units whose write sets meet cannot both commit when they interleave
 * (the second meets a write conflict and runs again on the committed state): the write sets are
 * the deterministic form of the race, which the embedded store never runs side by side.
 */
function recordGuardWrites(store: Store): { units: Set<string>[]; stop(): void } {
  const original = store.unitOfWork;
  const units: Set<string>[] = [];
  const watched = (tx: Collections, writes: Set<string>): Collections => ({
    collection: <T extends Doc = Doc>(name: string) => {
      const target = tx.collection<T>(name);
      if (name !== REFERENCE_GUARDS) return target;
      return new Proxy(target, {
        get(object, property) {
          const value = Reflect.get(object, property, object) as unknown;
          if (typeof value !== 'function') return value;
          return (...args: unknown[]) => {
            const filter = args[0] as { _id?: unknown } | undefined;
            if (typeof filter?._id === 'string') writes.add(filter._id);
            return (value as (...a: unknown[]) => unknown).apply(object, args);
          };
        },
      });
    },
  });
  store.unitOfWork = ((work: (tx: Collections) => Promise<unknown>) => {
    const writes = new Set<string>();
    units.push(writes);
    return original.call(store, (tx: Collections) => work(watched(tx, writes)));
  }) as Store['unitOfWork'];
  return {
    units,
    stop() {
      delete (store as { unitOfWork?: unknown }).unitOfWork;
      if (store.unitOfWork !== original) store.unitOfWork = original;
    },
  };
}

describe('recycle bin: reference guards of purged and restored records', () => {
  let engine: TestEngine;
  const store = async () => (await engine.platform.tenant('default')).store;
  const guards = async () => (await (await store()).collection(REFERENCE_GUARDS).find({})).map((doc) => doc._id);
  const remove = (object: string, id: string) => engine.request('DELETE', records(object, id));
  const restore = (object: string, id: string) => engine.request('POST', `${bin(object, id)}/restore`);
  const purge = (object: string, id: string) => engine.request('DELETE', bin(object, id));

  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, { name: 'vendor', fields: [{ name: 'name', type: 'text', required: true }, { name: 'code', type: 'text', unique: true }] });
    await defineObject(engine, { name: 'purchase', fields: [{ name: 'title', type: 'text', required: true }, { name: 'vendor', type: 'masterdetail', target: 'vendor' }] });
    await defineObject(engine, { name: 'contact', fields: [{ name: 'name', type: 'text', required: true }, { name: 'vendor', type: 'lookup', target: 'vendor', required: true }] });
  });
  after(async () => {
    await engine.stop();
  });

  it('a purge removes the guards of the record and of the details purged with it', async () => {
    const vendor = await createRecord(engine, 'vendor', { name: 'Purged Inc' });
    const purchase = await createRecord(engine, 'purchase', { title: 'Paper', vendor: vendor._id });
    expect((await remove('vendor', vendor._id)).status).to.equal(204);
    expect(await guards()).to.include.members([guardOf('vendor', vendor._id), guardOf('purchase', purchase._id)]);

    expect((await purge('vendor', vendor._id)).status).to.equal(204);

    expect(await guards()).to.not.include.members([guardOf('vendor', vendor._id)]);
    expect(await guards()).to.not.include.members([guardOf('purchase', purchase._id)]);
  });

  it('deleting an object with its records removes the guards of its records, and only those', async () => {
    await defineObject(engine, { name: 'visit', fields: [{ name: 'vendor', type: 'lookup', target: 'vendor' }] });
    const kept = await createRecord(engine, 'vendor', { name: 'Kept Inc' });
    const visit = await createRecord(engine, 'visit', { vendor: kept._id });
    expect((await remove('visit', visit._id)).status).to.equal(204);
    expect(await guards()).to.include.members([guardOf('visit', visit._id), guardOf('vendor', kept._id)]);

    expect((await engine.request('DELETE', '/api/v1/meta/objects/visit?deleteRecords=true')).status).to.be.oneOf([200, 204]);

    expect((await guards()).filter((id) => id.startsWith('records.visit:'))).to.deep.equal([]);
    expect(await guards()).to.include(guardOf('vendor', kept._id));
  });

  for (const [field, object] of [['masterdetail', 'purchase'], ['required lookup', 'contact']] as const) {
    it(`a restore guards the parent its ${field} points at, as a create does: it cannot interleave with that parent's delete`, async () => {
      const vendor = await createRecord(engine, 'vendor', { name: `Parent of a ${object}` });
      const values = object === 'purchase' ? { title: 'Ink', vendor: vendor._id } : { name: 'Ann', vendor: vendor._id };
      const watch = recordGuardWrites(await store());
      try {
        const child = await createRecord(engine, object, values);
        const createUnit = watch.units.at(-1)!;
        expect((await remove(object, child._id)).status).to.equal(204);

        const restored = watch.units.length;
        expect((await restore(object, child._id)).status).to.equal(200);
        const restoreUnit = watch.units[restored]!;
        // The parent's delete as it runs beside the restore: it sees the child still in the bin.
        expect((await remove(object, child._id)).status).to.equal(204);
        const deletedUnit = watch.units.length;
        expect((await remove('vendor', vendor._id)).status).to.equal(204);
        const parentDeleteUnit = watch.units[deletedUnit]!;

        expect([...createUnit]).to.include(guardOf('vendor', vendor._id));
        expect([...restoreUnit]).to.include(guardOf('vendor', vendor._id));
        // The restore and the parent's delete write one document: interleaved, one of them runs again.
        expect([...restoreUnit].filter((id) => parentDeleteUnit.has(id))).to.include(guardOf('vendor', vendor._id));
      } finally {
        watch.stop();
      }
    });
  }

  it('whichever of a restore and its parent delete commits first, no live record points at a parent in the bin', async () => {
    for (const restoreFirst of [true, false]) {
      const vendor = await createRecord(engine, 'vendor', { name: `Order ${restoreFirst}` });
      const purchase = await createRecord(engine, 'purchase', { title: 'Toner', vendor: vendor._id });
      expect((await remove('purchase', purchase._id)).status).to.equal(204);
      // Sent together: the embedded store runs the two units one after the other, in arrival order.
      const [first, second] = restoreFirst ? [restore('purchase', purchase._id), remove('vendor', vendor._id)] : [remove('vendor', vendor._id), restore('purchase', purchase._id)];
      const [firstAnswer, secondAnswer] = await Promise.all([first, second]);
      const [restoreAnswer, deleteAnswer] = restoreFirst ? [firstAnswer, secondAnswer] : [secondAnswer, firstAnswer];
      expect(deleteAnswer.status).to.equal(204);
      if (restoreAnswer.status !== 200) expectError(restoreAnswer, 409, 'parent_deleted');
      expect((await engine.request('GET', records('purchase', purchase._id))).status, `restore first: ${restoreFirst}`).to.equal(404);
    }
  });

  it('a restore whose unique value was taken meanwhile is refused (409 duplicate_value): the value stays with one record', async () => {
    const vendor = await createRecord(engine, 'vendor', { name: 'First holder', code: 'RACE-1' });
    expect((await remove('vendor', vendor._id)).status).to.equal(204);
    const [taking, restoring] = await Promise.all([engine.request('POST', records('vendor'), { name: 'Second holder', code: 'RACE-1' }), restore('vendor', vendor._id)]);
    expect([taking.status, restoring.status].filter((status) => status === 201 || status === 200)).to.have.length(1);
    const holders = await (await store()).collection('records.vendor').find({ code: 'RACE-1', _deleted: { $ne: true } });
    expect(holders).to.have.length(1);
  });
});
