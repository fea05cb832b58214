import type { Doc, Filter, IndexSpec, SortSpec } from '../../engine/store/port.js';

/**
 * The data and cases of indexed-operators.spec.ts: every operator of the query subset over a field
 * that holds every kind of value. `many` also holds arrays (a multikey index); `one` never does, so
 * an index on it can give the sort; `amount` holds numbers with ties and nulls for keyset paging.
 */
export const MIXED: Doc[] = [
  { _id: 'a', many: 1, one: 1, n: 1, amount: 10 },
  { _id: 'b', many: 2.5, one: 2.5, n: 2, amount: 20 },
  { _id: 'c', many: -3, one: -3, n: 1, amount: 10 },
  { _id: 'd', many: 'apple', one: 'apple', n: 2, amount: null },
  { _id: 'e', many: 'Banana', one: 'Banana', n: 1, amount: 30 },
  { _id: 'f', many: '', one: '', n: 3, amount: 10 },
  { _id: 'g', many: null, one: null, n: 1 },
  { _id: 'h', n: 2, amount: 20 },
  { _id: 'i', many: true, one: true, n: 1, amount: 5 },
  { _id: 'j', many: false, one: false, n: 3, amount: 10 },
  { _id: 'k', many: [1, 'apple'], one: 0, n: 1, amount: 40 },
  { _id: 'l', many: [], one: 'zebra', n: 2, amount: null },
  { _id: 'm', many: [null, 5], one: 5, n: 1, amount: 20 },
  { _id: 'n', many: '2024-03-01T10:00:00.000Z', one: '2024-03-01T10:00:00.000Z', n: 3, amount: 10 },
  { _id: 'o', many: '2024-01-15', one: '2024-01-15', n: 2, amount: 15 },
  { _id: 'p', many: { x: 1 }, one: { x: 1 }, n: 1, amount: 20 },
  { _id: 'q', many: 0, one: 0, n: 2, amount: 25 },
  { _id: 'r', many: 1, one: 1, n: 3, amount: 10 },
  { _id: 's', many: [0, 10], one: 10, n: 1, amount: 20 },
  { _id: 't', many: 'é', one: 'é', n: 1, amount: 35 },
  { _id: 'u', many: '\u{1F600}', one: '\u{1F600}', n: 2, amount: 10 },
  { _id: 'v', many: '\uFF01', one: '\uFF01', n: 3 },
  { _id: 'w', many: [[1, 2]], one: -0.5, n: 1, amount: 20 },
  { _id: 'x', many: { y: [1] }, one: { a: 1, b: 2 }, n: 2, amount: 5 },
];

export const FIELDS = ['many', 'one'] as const;

export const indexesOn = (field: string): IndexSpec[] => [
  { name: `by_${field}`, keys: { [field]: 1 } },
  { name: `by_${field}_n`, keys: { [field]: 1, n: -1 } },
  { name: 'by_n_field', keys: { n: 1, [field]: 1 } },
  { name: 'by_amount', keys: { amount: -1 } },
];

/** Filters on the field `f`, each answered alike with and without indexes. */
export const OPERATOR_CASES = (f: string): [string, Filter][] => [
  ['a bare number', { [f]: 1 }],
  ['a bare string', { [f]: 'apple' }],
  ['a bare empty string', { [f]: '' }],
  ['true, which is not 1', { [f]: true }],
  ['false, which is not 0', { [f]: false }],
  ['0, which is not false', { [f]: 0 }],
  ['null (null and missing, not an empty array)', { [f]: null }],
  ['$eq', { [f]: { $eq: 2.5 } }],
  ['$eq null', { [f]: { $eq: null } }],
  ['$ne a number', { [f]: { $ne: 1 } }],
  ['$ne null', { [f]: { $ne: null } }],
  ['$gt a number (numbers only)', { [f]: { $gt: 0 } }],
  ['$gte a number', { [f]: { $gte: 1 } }],
  ['$lt a number', { [f]: { $lt: 2.5 } }],
  ['$lte a number', { [f]: { $lte: 0 } }],
  ['$gt and $lt (an array may meet each bound with another element)', { [f]: { $gt: 1, $lt: 5 } }],
  ['$gte and $lte on strings', { [f]: { $gte: 'B', $lte: 'apple' } }],
  ['$gt a string (strings only, by code unit)', { [f]: { $gt: 'b' } }],
  ['$lt a string', { [f]: { $lt: 'Z' } }],
  ['a range of date strings', { [f]: { $gte: '2024-01-01', $lt: '2024-02-01' } }],
  ['$in of mixed types', { [f]: { $in: [1, 'apple', true] } }],
  ['$in with null', { [f]: { $in: [null, 0] } }],
  ['an empty $in', { [f]: { $in: [] } }],
  ['$nin', { [f]: { $nin: [1, 'apple'] } }],
  ['$nin with null', { [f]: { $nin: [null, 5] } }],
  ['$exists true', { [f]: { $exists: true } }],
  ['$exists false', { [f]: { $exists: false } }],
  ['$regex', { [f]: { $regex: '^a' } }],
  ["$regex with $options 'i'", { [f]: { $regex: '^b', $options: 'i' } }],
  ['an equality and another field', { [f]: 1, n: 3 }],
  ['the other field first in a compound index, a range on this one', { n: 1, [f]: { $gte: 0 } }],
  ['$in on the other field, a range on this one', { n: { $in: [2, 3] }, [f]: { $lt: 100 } }],
  ['$and of a range and an equality', { $and: [{ [f]: { $gte: 'a' } }, { n: 2 }] }],
  ['$or of this field and another', { $or: [{ [f]: 'apple' }, { n: 3 }] }],
  ['$or whose every branch an index narrows (a union of index ranges)', { $or: [{ [f]: { $in: [1, 'apple'] } }, { amount: 20 }] }],
  ['$or with null in a branch (missing, null, not an empty array)', { $or: [{ [f]: null }, { amount: { $in: [5, 40] } }] }],
  [
    'the record-access shape: a range, $or of indexed branches, a $ne beside',
    { [f]: { $gte: 0 }, $or: [{ [f]: 'apple' }, { [f]: { $in: [2.5, 10] } }, { amount: { $gte: 30 } }], n: { $ne: 3 } },
  ],
  ['$or with a branch no index narrows', { $or: [{ [f]: 1 }, { one: { $exists: false } }] }],
  ['two $or inside $and', { $and: [{ $or: [{ [f]: 1 }, { amount: 10 }] }, { $or: [{ n: 3 }, { amount: { $lt: 20 } }] }] }],
  ['an _id range beside an equality', { _id: { $gt: 'c' }, [f]: 1 }],
  ['an _id $in beside a range', { _id: { $in: ['a', 'b', 'm', 's', 'zz'] }, [f]: { $gte: 2 } }],
];

/** Sorts answered alike from an index walk and from a sort in memory. */
export const SORT_CASES: [string, Filter, SortSpec, { skip?: number; limit?: number }][] = [
  ['ascending over mixed types', {}, { one: 1 }, {}],
  ['descending over mixed types', {}, { one: -1 }, {}],
  ['ascending with ties broken by _id descending', {}, { one: 1, _id: -1 }, {}],
  ['a compound sort with ties, the index in its order', {}, { one: 1, n: -1 }, {}],
  ['a compound sort with ties, the index walked backwards', {}, { one: -1, n: 1 }, {}],
  ['an equality then the sort of the index after it', { n: 1 }, { one: 1 }, { limit: 4 }],
  ['an equality then a descending sort with skip', { n: 2 }, { one: -1 }, { skip: 1, limit: 3 }],
  ['a range on the sorted field with a limit', { one: { $gte: 0 } }, { one: -1 }, { limit: 3 }],
  ['a sort by a field no index gives, with a limit', { one: { $ne: null } }, { n: 1, _id: 1 }, { limit: 5 }],
  ['numbers with ties and nulls, descending', {}, { amount: -1 }, { limit: 7 }],
];
