/**
 * The measuring half of bench:scale, in a process of its own so that its memory is the restarted
 * store's: opens the seeded tenant, times the first findOne, then each query through the store
 * port and directly in SQLite (the reference file) alternately, and sends the figures to the parent.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { EmbeddedStoreProvider } from '../engine/store/embedded/index.js';
import type { Doc } from '../engine/store/port.js';
import { DEFAULT_TENANT } from '../engine/tenancy/index.js';
import { SCALE_OWNERS, STAGES, seededRandom } from './seed.js';

export interface ProbeResult {
  coldOpenMs: number;
  rssAfterOpen: number;
  rssAfterRun: number;
  /** p50 in ms of each query, through the store and in SQLite directly. */
  queries: Record<'list' | 'range' | 'access' | 'plain' | 'count' | 'get' | 'summary', { store: number; reference: number }>;
}

const [dir, collection, sizeText, repeatsText] = process.argv.slice(2) as [string, string, string, string];
const repeats = Number(repeatsText);

const openedAt = performance.now();
const provider = new EmbeddedStoreProvider(join(dir, 'platform'));
const store = await provider.open(DEFAULT_TENANT);
const deals = store.collection(collection);
if (!(await deals.findOne({}))) throw new Error('the seeded store is empty');
const coldOpenMs = performance.now() - openedAt;
const rssAfterOpen = process.memoryUsage().rss;

const reference = new Database(join(dir, 'reference.sqlite'), { readonly: true });
const ids = (reference.prepare('SELECT id FROM deals ORDER BY id LIMIT 1000 OFFSET ?').all(Math.floor(Number(sizeText) / 2) - 500) as { id: string }[]).map((row) => row.id);
const referenceList = reference.prepare("SELECT body FROM deals WHERE json_extract(body, '$.stage') = ? ORDER BY json_extract(body, '$.amount') DESC LIMIT 50");
const referenceRange = reference.prepare("SELECT body FROM deals WHERE json_extract(body, '$.amount') >= ? AND json_extract(body, '$.amount') < ? ORDER BY json_extract(body, '$.amount') DESC LIMIT 50");
// The record-access filter of a user who owns 1 % of the deals; SQLite answers the owner part alone (no one has shares).
const referenceAccess = reference.prepare("SELECT body FROM deals WHERE json_extract(body, '$._owner') = ? ORDER BY json_extract(body, '$.amount') DESC LIMIT 50");
// A sort by a field no index serves (`quantity`): every record is read, in SQLite as in the store.
const referencePlain = reference.prepare("SELECT body FROM deals ORDER BY json_extract(body, '$.quantity') DESC, id LIMIT 50");
const referenceCount = reference.prepare("SELECT COUNT(*) AS n FROM deals WHERE json_extract(body, '$.stage') = ?");
const referenceGet = reference.prepare('SELECT body FROM deals WHERE id = ?');
// GET /records/:object/summary?groupBy=stage&measures=sum:amount as SQLite alone would answer it: whole cents of numbers only.
const referenceSummary = reference.prepare(
  "SELECT json_extract(body, '$.stage') AS key, COUNT(*) AS count, SUM(CASE WHEN json_type(body, '$.amount') IN ('integer', 'real') THEN round(json_extract(body, '$.amount') * 100) END) AS cents " +
    "FROM deals WHERE json_extract(body, '$._deleted') IS NOT 1 GROUP BY key ORDER BY count DESC, key",
);
/**
 * The pipeline summarizeRecords gives the store for that request: its groups and its total in one
 * $facet (summarize-records.ts), amount at scale 2. The reference's total is the sum of its groups.
 */
const summaryGroup = (key: unknown) => ({
  $group: {
    _id: key,
    count: { $sum: 1 },
    sum__amount: { $sum: { $cond: [{ $isNumber: '$amount' }, { $round: [{ $multiply: ['$amount', 100] }, 0] }, null] } },
  },
});
const summaryPipeline = [
  { $match: { _deleted: { $ne: true } } },
  { $facet: { groups: [summaryGroup('$stage'), { $sort: { count: -1, _id: 1 } }, { $limit: 1001 }], total: [summaryGroup(null)] } },
];
const parsed = (rows: unknown[]) => rows.map((row) => JSON.parse((row as { body: string }).body) as Doc);

const random = seededRandom(11);
const stage = () => STAGES[Math.floor(random() * STAGES.length)]!;
/** Amounts are uniform over 0 to 100,000: a window of 1,000 holds 1 % of the records. */
const window = () => {
  const low = Math.floor(random() * 99_000);
  return [low, low + 1000] as const;
};

/** A summary reads every record: a few timed runs say enough. */
const SLOW_QUERIES: Partial<Record<keyof ProbeResult['queries'], number>> = { summary: Math.min(repeats, 10) };

type Query = { store: () => Promise<unknown>; reference: () => unknown; check: (a: unknown, b: unknown) => boolean };
const amounts = (docs: unknown) => (docs as Doc[]).map((doc) => doc.amount);
const idsOf = (docs: unknown) => (docs as Doc[]).map((doc) => doc._id);
const queries: Record<keyof ProbeResult['queries'], () => Query> = {
  list: () => {
    const value = stage();
    return {
      store: () => deals.find({ stage: value }, { sort: { amount: -1 }, limit: 50 }),
      reference: () => parsed(referenceList.all(value)),
      check: (a, b) => JSON.stringify(amounts(a)) === JSON.stringify(amounts(b)),
    };
  },
  range: () => {
    const [low, high] = window();
    return {
      store: () => deals.find({ amount: { $gte: low, $lt: high } }, { sort: { amount: -1 }, limit: 50 }),
      reference: () => parsed(referenceRange.all(low, high)),
      check: (a, b) => JSON.stringify(amounts(a)) === JSON.stringify(amounts(b)),
    };
  },
  access: () => {
    const owner = `seller${Math.floor(random() * SCALE_OWNERS)}`;
    return {
      store: () => deals.find({ $or: [{ _owner: owner }, { _readers: { $in: [`u:${owner}`, 'g:desk'] } }, { _approvers: owner }], _deleted: { $ne: true } }, { sort: { amount: -1 }, limit: 50 }),
      reference: () => parsed(referenceAccess.all(owner)),
      check: (a, b) => JSON.stringify(amounts(a)) === JSON.stringify(amounts(b)),
    };
  },
  plain: () => {
    return {
      store: () => deals.find({}, { sort: { quantity: -1, _id: 1 }, limit: 50 }),
      reference: () => parsed(referencePlain.all()),
      check: (a, b) => JSON.stringify(idsOf(a)) === JSON.stringify(idsOf(b)),
    };
  },
  count: () => {
    const value = stage();
    return {
      store: () => deals.count({ stage: value }),
      reference: () => (referenceCount.get(value) as { n: number }).n,
      check: (a, b) => a === b,
    };
  },
  get: () => {
    const id = ids[Math.floor(random() * ids.length)]!;
    return {
      store: () => deals.findOne({ _id: id }),
      reference: () => parsed([referenceGet.get(id)])[0],
      check: (a, b) => JSON.stringify(a) === JSON.stringify(b),
    };
  },
  summary: () => ({
    store: () => deals.aggregate(summaryPipeline),
    reference: () => {
      const groups = referenceSummary.all() as { key: unknown; count: number; cents: number }[];
      return { groups, total: groups.reduce((sum, row) => ({ count: sum.count + row.count, cents: sum.cents + (row.cents ?? 0) }), { count: 0, cents: 0 }) };
    },
    check: (a, b) => {
      const store = (a as { groups: Doc[]; total: Doc[] }[])[0]!;
      const reference = b as { groups: { key: unknown; count: number; cents: number }[]; total: { count: number; cents: number } };
      return (
        JSON.stringify(store.groups.map((row) => [row._id, row.count, row.sum__amount])) === JSON.stringify(reference.groups.map((row) => [row.key, row.count, row.cents])) &&
        store.total[0]?.count === reference.total.count &&
        store.total[0]?.sum__amount === reference.total.cents
      );
    },
  }),
};

const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
const result = { coldOpenMs, rssAfterOpen, queries: {} } as ProbeResult;
for (const [name, make] of Object.entries(queries) as [keyof ProbeResult['queries'], () => Query][]) {
  const timings = { store: [] as number[], reference: [] as number[] };
  const runs = SLOW_QUERIES[name] ?? repeats;
  const warmUps = Math.min(10, Math.ceil(runs / 5));
  for (let i = 0; i < runs + warmUps; i++) {
    const query = make();
    let started = performance.now();
    const fromStore = await query.store();
    const storeMs = performance.now() - started;
    started = performance.now();
    const fromReference = query.reference();
    const referenceMs = performance.now() - started;
    if (!query.check(fromStore, fromReference)) throw new Error(`the store and SQLite disagree on ${name}`);
    // The first runs warm both up (statements prepared, pages in the OS cache): not timed.
    if (i < warmUps) continue;
    timings.store.push(storeMs);
    timings.reference.push(referenceMs);
  }
  result.queries[name] = { store: median(timings.store), reference: median(timings.reference) };
}
result.rssAfterRun = process.memoryUsage().rss;
reference.close();
await provider.close();
process.send!(result);
