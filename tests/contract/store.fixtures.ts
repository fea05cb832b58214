import { expect } from 'chai';
import { DuplicateKeyError } from '../../engine/store/duplicate-key-error.js';
import type { Collection, Doc, Filter, FindOptions, IndexSpec, Projection, SortSpec, Store } from '../../engine/store/port.js';

/** The data, the tables of cases and the assertion helpers of the store contract suite (store.contract.spec.ts). */

export const ACCOUNTS: Doc[] = [
  { _id: 'a', name: 'Acme', status: 'open', amount: 100, tags: ['vip', 'eu'], owner: { id: 'u1', region: 'EU' }, closedAt: null },
  { _id: 'b', name: 'Beta', status: 'won', amount: 250, tags: ['us'], owner: { id: 'u2', region: 'US' } },
  { _id: 'c', name: 'acme labs', status: 'lost', amount: 0, owner: { id: 'u1', region: 'EU' }, closedAt: '2024-01-01' },
  { _id: 'd', name: 'Delta', status: 'open', amount: null, owner: null },
  { _id: 'e', name: 'Echo', status: 'won' },
];

export const QUERIES: [behaviour: string, filter: Filter, ids: string[]][] = [
  ['an empty filter matches every document', {}, ['a', 'b', 'c', 'd', 'e']],
  ['a plain equality matches that value', { status: 'open' }, ['a', 'd']],
  ['$eq matches that value', { amount: { $eq: 250 } }, ['b']],
  ['$ne also matches documents missing the field', { amount: { $ne: 100 } }, ['b', 'c', 'd', 'e']],
  ['$ne null matches only documents holding a value', { closedAt: { $ne: null } }, ['c']],
  ['$gt compares numbers and skips null and missing', { amount: { $gt: 0 } }, ['a', 'b']],
  ['$gte includes the bound', { amount: { $gte: 100 } }, ['a', 'b']],
  ['$lt skips null and missing', { amount: { $lt: 100 } }, ['c']],
  ['$lte includes the bound', { amount: { $lte: 100 } }, ['a', 'c']],
  ['$gt and $lt on one field make a range', { amount: { $gt: 0, $lt: 250 } }, ['a']],
  ['$gt compares strings', { closedAt: { $gt: '2023' } }, ['c']],
  ['$in matches any listed value', { status: { $in: ['won', 'lost'] } }, ['b', 'c', 'e']],
  ['$in with null matches null and missing', { amount: { $in: [null, 0] } }, ['c', 'd', 'e']],
  ['$in matches any element of an array field', { tags: { $in: ['us', 'eu'] } }, ['a', 'b']],
  ['$nin also matches documents missing the field', { 'owner.region': { $nin: ['EU'] } }, ['b', 'd', 'e']],
  ['equality with a scalar matches an array element', { tags: 'vip' }, ['a']],
  ['$regex is case sensitive by default', { name: { $regex: '^acme' } }, ['c']],
  ["$regex with $options 'i' ignores case", { name: { $regex: '^acme', $options: 'i' } }, ['a', 'c']],
  ['equality with null matches null and missing fields', { closedAt: null }, ['a', 'b', 'd', 'e']],
  ['a dotted path reaches into embedded documents', { 'owner.region': 'EU' }, ['a', 'c']],
  ['a dotted path under a null or missing parent equals null', { 'owner.id': null }, ['d', 'e']],
  ['several fields must all match', { status: 'open', 'owner.id': 'u1' }, ['a']],
  ['$and requires every clause', { $and: [{ status: 'won' }, { amount: { $gte: 200 } }] }, ['b']],
  ['$or accepts any clause', { $or: [{ status: 'lost' }, { 'owner.id': 'u2' }] }, ['b', 'c']],
  ['$or nests inside $and', { $and: [{ $or: [{ status: 'open' }, { status: 'won' }] }, { amount: { $ne: null } }] }, ['a', 'b']],
];

export const SORTS: [behaviour: string, sort: SortSpec, ids: string[]][] = [
  ['null and missing sort first ascending', { amount: 1, _id: 1 }, ['d', 'e', 'c', 'a', 'b']],
  ['null and missing sort last descending', { amount: -1, _id: 1 }, ['b', 'a', 'c', 'd', 'e']],
  ['the second key orders ties of the first', { status: 1, amount: -1 }, ['c', 'a', 'd', 'b', 'e']],
  ['a dotted path sorts with a null parent first', { 'owner.region': 1, _id: 1 }, ['d', 'e', 'a', 'c', 'b']],
  ['strings sort by code point, capitals first', { name: 1 }, ['a', 'b', 'd', 'e', 'c']],
  ['descending _id reverses insertion order', { _id: -1 }, ['e', 'd', 'c', 'b', 'a']],
];

export const PAGES: [behaviour: string, options: FindOptions, ids: string[]][] = [
  ['skip then limit returns one page', { skip: 1, limit: 2 }, ['b', 'c']],
  ['skip alone drops the first documents', { skip: 3 }, ['d', 'e']],
  ['limit 0 means no limit', { limit: 0 }, ['a', 'b', 'c', 'd', 'e']],
  ['skip past the end returns nothing', { skip: 9, limit: 2 }, []],
];

export const PROJECTIONS: [behaviour: string, projection: Projection, expected: Record<string, unknown>][] = [
  ['an inclusion keeps the named fields and _id', { name: 1, status: 1 }, { _id: 'a', name: 'Acme', status: 'open' }],
  ['a dotted inclusion keeps part of an embedded document', { 'owner.region': 1 }, { _id: 'a', owner: { region: 'EU' } }],
  ['_id: 0 leaves _id out', { _id: 0, status: 1 }, { status: 'open' }],
  ['an exclusion drops the named fields', { tags: 0, owner: 0, closedAt: 0 }, { _id: 'a', name: 'Acme', status: 'open', amount: 100 }],
];

export const EMAIL_UNIQUE: IndexSpec = { name: 'email_unique', keys: { email: 1 }, unique: true };
export const USERS: Doc[] = [
  { _id: 'u1', email: 'ann@example.com' },
  { _id: 'u2', email: 'bob@example.com' },
];
export const TAKEN = { email: 'ann@example.com' };
export const DUPLICATE_WRITES: [write: string, run: (users: Collection) => Promise<unknown>][] = [
  ['insertOne', (users) => users.insertOne({ _id: 'u3', ...TAKEN })],
  ['insertMany', (users) => users.insertMany([{ _id: 'u3', ...TAKEN }])],
  ['updateOne', (users) => users.updateOne({ _id: 'u2' }, { $set: TAKEN })],
  ['updateMany', (users) => users.updateMany({ _id: 'u2' }, { $set: TAKEN })],
  ['replaceOne', (users) => users.replaceOne({ _id: 'u2' }, { _id: 'u2', ...TAKEN })],
  ['findOneAndUpdate', (users) => users.findOneAndUpdate({ _id: 'u2' }, { $set: TAKEN })],
  ['an upsert', (users) => users.findOneAndUpdate({ _id: 'u9' }, { $set: TAKEN }, { upsert: true })],
];

export const READS: [how: string, read: (store: Store) => Promise<Doc | null | undefined>][] = [
  ['findOne', (store) => store.collection('accounts').findOne({ _id: 'a' })],
  ['find', async (store) => (await store.collection('accounts').find({ _id: 'a' }))[0]],
  ['find with a projection', async (store) => (await store.collection('accounts').find({ _id: 'a' }, { projection: { owner: 1, tags: 1 } }))[0]],
  ['findOneAndUpdate', (store) => store.collection('accounts').findOneAndUpdate({ _id: 'a' }, { $set: { name: 'Acme' } })],
  ['aggregate', async (store) => (await store.collection('accounts').aggregate<Doc>([{ $match: { _id: 'a' } }]))[0]],
  ['a unit of work', (store) => store.unitOfWork((tx) => tx.collection('accounts').findOne({ _id: 'a' }))],
];

export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to be refused');
}

export function expectDuplicateKey(error: unknown, keys: string[]): void {
  expect(error).to.be.instanceOf(DuplicateKeyError);
  expect((error as DuplicateKeyError).keys).to.deep.equal(keys);
}

export const ids = (docs: Doc[]) => docs.map((doc) => doc._id);

/** Indexes as both adapters can state them: MongoDB's own _id index left out, key order kept. */
export async function declaredIndexes(store: Store, collection: string) {
  const indexes = await store.listIndexes(collection);
  return indexes
    .filter((index) => index.name !== '_id_')
    .map((index) => ({ name: index.name, keys: Object.entries(index.keys), unique: index.unique === true }))
    .sort((x, y) => x.name.localeCompare(y.name));
}
