import { expect } from 'chai';
import { enqueueJob, JOB_INDEXES, JOBS_COLLECTION } from '../../engine/jobs/index.js';
import { dropGuard, guardTarget, REFERENCE_GUARDS } from '../../engine/records/relationships/reference-guard.js';
import { DuplicateKeyError } from '../../engine/store/duplicate-key-error.js';
import type { Collections } from '../../engine/store/port.js';
import { describeEachAdapter } from './adapters.js';
import { rejectionOf } from './store.fixtures.js';

const PARALLEL = 12;
const BIG_UNIT = 5_000;
const times = <T>(n: number, make: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => make(i)));

/**
 * Units of work that run at the same time on the same records. The embedded store runs them one
 * after another; MongoDB runs them side by side under snapshot isolation, where a write conflict
 * makes the driver run a unit again. Either way each ends consistent: one wins, or they serialise,
 * and nothing is lost.
 */
describeEachAdapter('concurrent and large units of work', (ctx) => {
  it('read-modify-write units on one document: every increment lands once, none is lost', async () => {
    await ctx.store.collection('tallies').insertOne({ _id: 't', n: 0 });
    const seen = await times(PARALLEL, () =>
      ctx.store.unitOfWork(async (tx) => {
        const current = (await tx.collection('tallies').findOne({ _id: 't' }))!.n as number;
        const result = await tx.collection('tallies').updateOne({ _id: 't', n: current }, { $set: { n: current + 1 } });
        if (result.matched !== 1) throw new Error(`the unit read ${current}, which another unit had already replaced`);
        return current + 1;
      }),
    );
    expect([...seen].sort((x, y) => x - y)).to.deep.equal(Array.from({ length: PARALLEL }, (_, i) => i + 1));
    expect(await ctx.store.collection('tallies').findOne({ _id: 't' })).to.deep.equal({ _id: 't', n: PARALLEL });
  });

  it('units inserting one unique value at once: exactly one lands, the others meet DuplicateKeyError', async function () {
    ctx.requireAtomicUnits(this);
    await ctx.store.ensureIndexes('people', [{ name: 'unique_email', keys: { email: 1 }, unique: true }]);
    const outcomes = await times(PARALLEL, (i) =>
      ctx.store
        .unitOfWork(async (tx) => {
          await tx.collection('people').insertOne({ _id: `p${i}`, email: 'same@example.com' });
          await tx.collection('log').insertOne({ _id: `l${i}` });
        })
        .then(
          () => 'landed',
          (error: unknown) => (error instanceof DuplicateKeyError ? 'refused' : error),
        ),
    );
    expect(outcomes.filter((outcome) => outcome === 'landed')).to.have.length(1);
    expect(outcomes.filter((outcome) => outcome === 'refused')).to.have.length(PARALLEL - 1);
    expect(await ctx.store.collection('people').count({})).to.equal(1);
    expect(await ctx.store.collection('log').count({})).to.equal(1);
  });

  it('a check-then-insert guarded by one shared document lands once however many units race', async function () {
    ctx.requireAtomicUnits(this);
    // Each unit reads "no reference yet" and then writes: without the guard, snapshot isolation
    // would let every one of them pass the check (write skew). With it, they serialise.
    await ctx.store.collection('parents').insertOne({ _id: 'p' });
    const deleteParent = (tx: Collections) => async () => {
      if ((await tx.collection('children').count({ parent: 'p' })) > 0) return 'restricted';
      await guardTarget(tx, 'parents', 'p');
      await tx.collection('parents').updateOne({ _id: 'p' }, { $set: { _deleted: true } });
      return 'deleted';
    };
    const addChild = (tx: Collections, i: number) => async () => {
      if (!(await tx.collection('parents').findOne({ _id: 'p', _deleted: { $ne: true } }))) return 'missing';
      await guardTarget(tx, 'parents', 'p');
      await tx.collection('children').insertOne({ _id: `c${i}`, parent: 'p' });
      return 'added';
    };
    const outcomes = await times(PARALLEL, (i) => ctx.store.unitOfWork((tx) => (i % 2 === 0 ? deleteParent(tx)() : addChild(tx, i)())));
    const deleted = (await ctx.store.collection('parents').findOne({ _id: 'p' }))!._deleted === true;
    const children = await ctx.store.collection('children').count({});
    // Consistent: either the parent went and no child points at it, or children exist and it stayed.
    expect(deleted && children > 0, JSON.stringify(outcomes)).to.equal(false);
    expect(outcomes.filter((outcome) => outcome === 'added')).to.have.length(children);
    expect(await ctx.store.collection(REFERENCE_GUARDS).count({})).to.equal(1);
  });

  it('a purge dropping the guard and references checked against it: never a reference to a purged record, no guard left', async function () {
    ctx.requireAtomicUnits(this);
    // Dropping the guard is a write on it: a reference check running beside the purge still conflicts with it.
    await ctx.store.collection('parents').insertOne({ _id: 'p' });
    await ctx.store.unitOfWork((tx) => guardTarget(tx, 'parents', 'p'));
    const purge = (tx: Collections) => async () => {
      if ((await tx.collection('children').count({ parent: 'p' })) > 0) return 'restricted';
      await tx.collection('parents').deleteOne({ _id: 'p' });
      await dropGuard(tx, 'parents', 'p');
      return 'purged';
    };
    const addChild = (tx: Collections, i: number) => async () => {
      if (!(await tx.collection('parents').findOne({ _id: 'p' }))) return 'missing';
      await guardTarget(tx, 'parents', 'p');
      await tx.collection('children').insertOne({ _id: `c${i}`, parent: 'p' });
      return 'added';
    };
    const outcomes = await times(PARALLEL, (i) => ctx.store.unitOfWork((tx) => (i % 2 === 0 ? purge(tx)() : addChild(tx, i)())));
    const purged = (await ctx.store.collection('parents').findOne({ _id: 'p' })) === null;
    const children = await ctx.store.collection('children').count({});
    expect(purged && children > 0, JSON.stringify(outcomes)).to.equal(false);
    expect(await ctx.store.collection(REFERENCE_GUARDS).count({})).to.equal(purged ? 0 : 1);
  });

  it('units enqueueing one keyed job at once leave one due job with that key', async () => {
    await ctx.store.ensureIndexes(JOBS_COLLECTION, [...JOB_INDEXES]);
    const dueAt = new Date('2030-01-01T00:00:00Z');
    const ids = await times(PARALLEL, () => ctx.store.unitOfWork((tx) => enqueueJob(tx, { kind: 'reminder', dueAt, payload: {}, key: 'remind:r1' })));
    expect(new Set(ids).size).to.equal(1);
    expect(await ctx.store.collection(JOBS_COLLECTION).count({ key: 'remind:r1', status: 'due' })).to.equal(1);
  });

  it(`a unit of ${BIG_UNIT} writes lands whole, and one that fails after ${BIG_UNIT} writes leaves nothing`, async function () {
    ctx.requireAtomicUnits(this);
    this.timeout(120_000);
    await ctx.store.unitOfWork(async (tx) => {
      for (let i = 0; i < BIG_UNIT; i++) await tx.collection('bulk').insertOne({ _id: `b${i}`, n: i, batch: 'first' });
    });
    expect(await ctx.store.collection('bulk').count({ batch: 'first' })).to.equal(BIG_UNIT);
    const failure = new Error('the last write failed');
    const error = await rejectionOf(
      ctx.store.unitOfWork(async (tx) => {
        for (let i = 0; i < BIG_UNIT; i++) await tx.collection('bulk').updateOne({ _id: `b${i}` }, { $set: { batch: 'second' } });
        await tx.collection('bulk').insertOne({ _id: 'extra' });
        throw failure;
      }),
    );
    expect(error).to.equal(failure);
    expect(await ctx.store.collection('bulk').count({ batch: 'first' })).to.equal(BIG_UNIT);
    expect(await ctx.store.collection('bulk').count({})).to.equal(BIG_UNIT);
  });
});
