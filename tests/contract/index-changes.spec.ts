import { expect } from 'chai';
import { DuplicateKeyError } from '../../engine/store/duplicate-key-error.js';
import type { IndexSpec } from '../../engine/store/port.js';
import { describeEachAdapter } from './adapters.js';
import { declaredIndexes, rejectionOf } from './store.fixtures.js';

/** A declared index that changes: the new one stands before the old one goes, or the old one stays. */
describeEachAdapter('index changes', (ctx) => {
  const byEmail: IndexSpec = { name: 'by_email', keys: { email: 1 } };
  const uniqueEmail: IndexSpec = { ...byEmail, unique: true };

  it('making an index unique over existing duplicates throws DuplicateKeyError and keeps the index as it was', async () => {
    await ctx.store.ensureIndexes('people', [byEmail]);
    await ctx.store.collection('people').insertMany([{ _id: 'p1', email: 'same' }, { _id: 'p2', email: 'same' }, { _id: 'p3', email: 'other' }]);
    expect(await rejectionOf(ctx.store.ensureIndexes('people', [uniqueEmail]))).to.be.instanceOf(DuplicateKeyError);
    expect(await declaredIndexes(ctx.store, 'people')).to.deep.equal([{ name: 'by_email', keys: [['email', 1]], unique: false }]);
    await ctx.store.collection('people').insertOne({ _id: 'p4', email: 'same' });
  });

  it('a changed index replaces the old one once built: it answers under the same name with its new shape', async () => {
    await ctx.store.ensureIndexes('people', [byEmail]);
    await ctx.store.collection('people').insertMany([{ _id: 'p1', email: 'a' }, { _id: 'p2', email: 'b' }]);
    await ctx.store.ensureIndexes('people', [uniqueEmail]);
    expect(await declaredIndexes(ctx.store, 'people')).to.deep.equal([{ name: 'by_email', keys: [['email', 1]], unique: true }]);
    expect(await rejectionOf(ctx.store.collection('people').insertOne({ _id: 'p3', email: 'a' }))).to.be.instanceOf(DuplicateKeyError);
    await ctx.store.ensureIndexes('people', [{ name: 'by_email', keys: { email: 1, name: 1 } }]);
    expect(await declaredIndexes(ctx.store, 'people')).to.deep.equal([{ name: 'by_email', keys: [['email', 1], ['name', 1]], unique: false }]);
    await ctx.store.collection('people').insertOne({ _id: 'p3', email: 'a' });
  });

  it('an index no longer declared goes, the others stay', async () => {
    await ctx.store.ensureIndexes('people', [byEmail, { name: 'by_name', keys: { name: 1 } }]);
    await ctx.store.ensureIndexes('people', [{ name: 'by_name', keys: { name: 1 } }]);
    expect(await declaredIndexes(ctx.store, 'people')).to.deep.equal([{ name: 'by_name', keys: [['name', 1]], unique: false }]);
  });
});
