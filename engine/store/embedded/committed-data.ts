import { assertNever } from '../../errors/assert-never.js';
import { DuplicateKeyError } from '../duplicate-key-error.js';
import { freezeDocument, stringifyDocument } from '../json-document.js';
import type { Doc, Filter, IndexSpec, SortSpec } from '../port.js';
import type { DocumentCache } from './document-cache.js';
import { entriesOf, IndexBuilds } from './index-builds.js';
import { indexKeys, storedIndex, uniqueKey, type StoredIndex } from './index-entries.js';
import type { IndexRow, KeyRange } from './index-table.js';
import { HighestIds } from './highest-ids.js';
import { keyedOrder } from './keyed-order.js';
import { PointLists } from './point-lists.js';
import { planQuery, type Plan } from './query-plan.js';
import { ReadWriteTally } from './read-write-tally.js';
import type { CommitBatch, SqliteFile } from './sqlite-file.js';

/** What one collection's reads need in memory: its indexes, and how many documents it holds once counted. */
interface CollectionState {
  indexes: StoredIndex[];
  count?: number;
}

/** The documents one unit of work wrote (null where deleted), per collection. */
export type Written = ReadonlyMap<string, ReadonlyMap<string, Doc | null>>;

/**
 * Whether an update left every field an index reads as it was, by reference: an update shares the
 * members it does not touch (apply-update.ts), so a write that changes no indexed value (most
 * updates, every backfill of a formula) computes no index key.
 */
function sameIndexedValues(index: StoredIndex, before: Doc, doc: Doc): boolean {
  for (const field of index.fields) {
    const dot = field.indexOf('.');
    const top = dot === -1 ? field : field.slice(0, dot);
    if (before[top] !== doc[top]) return false;
  }
  return true;
}

/** How many documents an index build reads per SQLite statement. */
const BUILD_BATCH = 1000;

/**
 * Up to this many documents, a new non-unique index is built inside ensureIndexes (a few tens of
 * milliseconds); above, in the background (index-builds.ts). A unique index is always built at
 * once, since duplicates must fail the change that declares it.
 */
const BUILD_AT_ONCE_UP_TO = 10_000;

/**
 * The committed state of a tenant: documents and index entries in SQLite, the documents recently
 * used in a bounded cache. Only the indexes' definitions are held per collection, read when the
 * collection is first used; no document is read until a query needs it.
 */
export class CommittedData {
  private readonly states = new Map<string, CollectionState>();
  /** An upper bound of the committed ids, so that an insert's id is proven new without a read. */
  private readonly highestIds: HighestIds;
  /** Commits per collection since the store opened (see changeCount). */
  private readonly changes = new Map<string, number>();
  readonly builds: IndexBuilds;
  private readonly tally = new ReadWriteTally();
  private readonly points: PointLists;

  constructor(
    private readonly file: SqliteFile,
    private readonly cache: DocumentCache,
  ) {
    this.highestIds = new HighestIds((collection) => file.highestId(collection));
    this.points = new PointLists((ix, key, limit) => file.indexes.pointIds(ix, key, limit));
    this.builds = new IndexBuilds(file, (collection, row) => this.cache.get(collection, row.id) ?? (JSON.parse(row.body) as Doc), (ix, multikey) => {
      for (const state of this.states.values()) {
        for (const index of state.indexes) {
          if (index.ix !== ix) continue;
          index.built = true;
          index.multikey ||= multikey;
        }
      }
    });
  }

  private state(collection: string): CollectionState {
    let state = this.states.get(collection);
    if (!state) {
      const rows = this.file.indexes.list(collection);
      // A unique index left unbuilt (taken over from a file written before indexes lived in SQLite) is built here, at once.
      for (const row of rows.filter((row) => !row.built && row.spec.unique)) this.file.db.transaction(() => this.build(collection, storedIndex(row.ix, row.spec, false)))();
      state = { indexes: this.file.indexes.list(collection).map((row) => storedIndex(row.ix, row.spec, row.multikey, row.built)) };
      this.states.set(collection, state);
      const unbuilt = state.indexes.filter((index) => !index.built);
      if (unbuilt.length > 0) {
        const total = this.file.countDocuments(collection);
        for (const index of unbuilt) this.builds.start(collection, index, total);
      }
    }
    return state;
  }

  indexes(collection: string): readonly StoredIndex[] {
    return this.state(collection).indexes;
  }

  /**
   * A committed document by id: from the cache, or read and parsed. `remember` keeps it in the
   * cache; a walk over many documents remembers only while the cache has free room, so one large
   * query does not push out what every request uses.
   */
  load(collection: string, id: string, remember = true): Doc | undefined {
    if (remember) this.tally.read(collection);
    const cached = remember ? this.cache.get(collection, id) : this.cache.peek(collection, id);
    if (cached) return cached;
    const body = this.file.body(collection, id);
    return body === undefined ? undefined : this.parsed(collection, id, body, remember);
  }

  /** Reads a document into the cache only if it fits in free room: the warm-up after a restart (cache-warm-up.ts). */
  warm(collection: string, id: string): void {
    this.load(collection, id, false);
  }

  /** Whether the cache has free room for a document of ordinary size (a kilobyte and its entry). */
  hasFreeRoom(): boolean {
    return this.cache.free >= ORDINARY_ENTRY_BYTES;
  }

  /** The ids the cache holds, youngest first, for the next open to warm up with. */
  cachedIds(): { collection: string; id: string }[] {
    return this.cache.youngestFirst();
  }

  /** Whether a document is committed under `id`, read only when the id is not above every committed one. */
  holds(collection: string, id: string): boolean {
    if (this.highestIds.above(collection, id)) return false;
    return this.cache.peek(collection, id) !== undefined || this.file.body(collection, id) !== undefined;
  }

  private parsed(collection: string, id: string, body: string, remember: boolean): Doc {
    const doc = freezeDocument(JSON.parse(body) as Doc);
    if (remember) this.cache.set(collection, id, doc);
    else this.cache.setIfRoom(collection, id, doc);
    return doc;
  }

  plan(collection: string, filter: Filter, sort: SortSpec, limited: boolean): Plan {
    return planQuery({
      filter,
      sort,
      limited,
      indexes: this.indexes(collection).filter((index) => index.built),
      estimate: (index, ranges, cap) => {
        let total = 0;
        for (const range of ranges) if (total < cap) total += this.points.ids(index.ix, range)?.length ?? this.file.indexes.countUpTo(index.ix, range, cap - total);
        return Math.min(total, cap);
      },
    });
  }

  /** The committed documents a plan yields, in its order, each at most once. */
  *candidates(collection: string, plan: Plan): Generator<Doc> {
    switch (plan.kind) {
      case 'ids':
        for (const id of plan.ids) {
          const doc = this.load(collection, id);
          if (doc) yield doc;
        }
        return;
      case 'primary':
        for (const row of this.file.scan(collection, plan.direction, plan.low, plan.high)) {
          yield this.cache.peek(collection, row.id) ?? this.parsed(collection, row.id, row.body, false);
        }
        return;
      case 'index': {
        const seen = plan.index.multikey || plan.ranges.length > 1 ? new Set<string>() : undefined;
        let read = 0;
        for (const range of plan.ranges) {
          for (const id of this.rangeIds(plan.index.ix, range, plan.direction, plan.tie)) {
            if (seen?.has(id)) continue;
            seen?.add(id);
            const doc = this.load(collection, id, read++ < REMEMBERED_PER_WALK);
            if (doc) yield doc;
          }
        }
        return;
      }
      case 'union': {
        const seen = new Set<string>();
        for (const part of plan.parts) {
          for (const range of part.ranges) {
            for (const id of this.rangeIds(part.index.ix, range, 1, 1)) {
              if (seen.has(id)) continue;
              seen.add(id);
              const doc = this.load(collection, id, seen.size <= REMEMBERED_PER_WALK);
              if (doc) yield doc;
            }
          }
        }
        return;
      }
      default:
        assertNever(plan, 'query plan');
    }
  }

  /** The ids of an index range in the walk's order: a whole key's from its list when it holds a few (point-lists.ts), from SQLite otherwise. */
  private rangeIds(ix: number, range: KeyRange, direction: 1 | -1, tie: 1 | -1): Iterable<string> {
    const ids = this.points.ids(ix, range);
    if (!ids) return this.file.indexes.ids(ix, range, direction, tie);
    // One key: its entries come in `_id` order, or the reverse for a tie broken downwards.
    return tie === 1 ? ids : ids.toReversed();
  }

  /** A plan's committed candidates in the sort's order, for a page of `first` (see keyed-order.ts). */
  inSortOrder(collection: string, plan: Plan, sort: SortSpec, first: number): Generator<Doc> | undefined {
    return keyedOrder(
      {
        file: this.file,
        collection,
        load: (id) => this.load(collection, id, false),
        walk: (part) => this.candidates(collection, { kind: 'index', index: part.index, ranges: part.ranges, direction: part.walk?.direction ?? 1, tie: part.walk?.tie ?? 1, ordered: true, exact: false }),
      },
      plan,
      sort,
      first,
    );
  }

  /** The number of documents an exact index plan matches, counted in SQLite. */
  countIndexed(plan: Extract<Plan, { kind: 'index' }>): number {
    if (plan.ranges.length === 0) return 0;
    return this.file.indexes.count(plan.index.ix, plan.ranges, plan.index.multikey);
  }

  total(collection: string): number {
    const state = this.state(collection);
    state.count ??= this.file.countDocuments(collection);
    return state.count;
  }

  uniqueOwner(index: StoredIndex, key: Buffer): string | undefined {
    return this.file.indexes.ownerOf(index.ix, key);
  }

  /**
   * Commits a unit's writes and their index entries in one SQLite transaction, then lets the cache
   * and the counts follow: durable first, visible second. `known` holds the committed versions the
   * unit already read (null: none), which are not read again.
   */
  commit(written: Written, known?: Written): void {
    const batch: CommitBatch = { docs: [], removed: [], added: [], multikey: [], counts: new Map() };
    const after: { collection: string; id: string; doc: Doc | null }[] = [];
    const counts = batch.counts;
    for (const [collection, docs] of written) {
      const indexes = this.indexes(collection);
      let delta = 0;
      const knownBefore = known?.get(collection);
      for (const [id, doc] of docs) {
        const before = knownBefore?.has(id) ? (knownBefore.get(id) ?? null) : (this.load(collection, id, false) ?? null);
        for (const index of indexes) this.indexChanges(index, id, before, doc, batch);
        const body = doc ? stringifyDocument(doc) : null;
        batch.docs.push({ collection, id, body });
        after.push({ collection, id, doc });
        delta += (doc ? 1 : 0) - (before ? 1 : 0);
      }
      counts.set(collection, delta);
    }
    try {
      this.file.commit(batch);
    } catch (error) {
      throw this.duplicateIn(batch, written) ?? error;
    }
    for (const entry of batch.removed) if (!entry.unique) this.points.removed(entry.ix, entry.key, entry.id);
    for (const entry of batch.added) if (!entry.unique) this.points.added(entry.ix, entry.key, entry.id);
    // A cached document is replaced by its new version; a new one is kept while there is free room,
    // or when its collection is read back (read-write-tally.ts): a bulk import's audit and
    // change-feed entries do not turn the cache over; a document read later is kept then.
    for (const { collection, id, doc } of after) {
      this.tally.written(collection);
      if (doc && (this.cache.peek(collection, id) !== undefined || this.hasFreeRoom() || this.tally.readBack(collection))) this.cache.set(collection, id, doc);
      else this.cache.delete(collection, id);
      if (doc) this.highestIds.committed(collection, id);
    }
    for (const [collection, delta] of counts) {
      this.changes.set(collection, this.changeCount(collection) + 1);
      const state = this.states.get(collection);
      if (state?.count !== undefined) state.count += delta;
    }
    for (const ix of batch.multikey) for (const state of this.states.values()) for (const index of state.indexes) if (index.ix === ix) index.multikey = true;
  }

  private indexChanges(index: StoredIndex, id: string, before: Doc | null, doc: Doc | null, batch: CommitBatch): void {
    if (before && doc && sameIndexedValues(index, before, doc)) return;
    const old = before ? indexKeys(index, before).keys : [];
    const next = doc ? indexKeys(index, doc) : { keys: [], multikey: false };
    if (next.multikey && !index.multikey && !batch.multikey.includes(index.ix)) batch.multikey.push(index.ix);
    // An insert or a delete changes every key; an update only those that differ.
    const both = old.length > 0 && next.keys.length > 0;
    const oldText = both ? new Set(old.map((key) => key.toString('latin1'))) : undefined;
    const nextText = both ? new Set(next.keys.map((key) => key.toString('latin1'))) : undefined;
    for (const key of old) if (!nextText?.has(key.toString('latin1'))) batch.removed.push({ ix: index.ix, key, id, unique: false });
    for (const key of next.keys) if (!oldText?.has(key.toString('latin1'))) batch.added.push({ ix: index.ix, key, id, unique: false });
    if (!index.spec.unique) return;
    const oldUnique = uniqueKey(index, before);
    const nextUnique = uniqueKey(index, doc);
    if (oldUnique && nextUnique && oldUnique.equals(nextUnique)) return;
    if (oldUnique) batch.removed.push({ ix: index.ix, key: oldUnique, id, unique: true });
    if (nextUnique) batch.added.push({ ix: index.ix, key: nextUnique, id, unique: true });
  }

  /** The unique index a failed commit broke, should a write have escaped the unit's own check. */
  private duplicateIn(batch: CommitBatch, written: Written): DuplicateKeyError | undefined {
    for (const entry of batch.added) {
      if (!entry.unique) continue;
      const owner = this.file.indexes.ownerOf(entry.ix, entry.key);
      if (owner === undefined || owner === entry.id) continue;
      for (const collection of written.keys()) {
        const index = this.indexes(collection).find((candidate) => candidate.ix === entry.ix);
        if (index) return new DuplicateKeyError(collection, index.spec.name, [...index.fields]);
      }
    }
    return undefined;
  }

  /**
   * Makes the collection's indexes exactly `specs`, in one SQLite transaction: an unchanged index
   * is kept as it is (opening a tenant re-ensures its indexes and must not read its records, and
   * an index still building goes on building); a new or changed one is built from the documents,
   * at once when it is unique or the collection small (a unique one over duplicates fails the
   * whole call with DuplicateKeyError, leaving the indexes as they were), in the background
   * otherwise.
   */
  ensureIndexes(collection: string, specs: IndexSpec[]): void {
    this.file.db.transaction(() => {
      const existing = this.file.indexes.list(collection);
      const wanted = new Map(specs.map((spec) => [spec.name, JSON.stringify(spec)]));
      const same = (row: IndexRow) => wanted.get(row.spec.name) === JSON.stringify(row.spec) && (row.built || !row.spec.unique);
      for (const row of existing) if (!same(row)) this.file.indexes.drop(row.ix);
      const kept = new Set(existing.filter(same).map((row) => row.spec.name));
      // Counted only when there is something to build: opening a tenant re-ensures every index.
      let small: boolean | undefined;
      for (const spec of specs) {
        if (kept.has(spec.name)) continue;
        const ix = this.file.indexes.create(collection, spec);
        small ??= this.file.countDocuments(collection) <= BUILD_AT_ONCE_UP_TO;
        if (spec.unique || small) this.build(collection, storedIndex(ix, spec, false));
      }
    })();
    this.points.clear();
    this.states.delete(collection);
    this.state(collection);
  }

  /** Fills an index from the collection's documents, in batches read by `_id` (inside the caller's transaction). */
  private build(collection: string, index: StoredIndex): void {
    this.points.clear();
    this.file.indexes.clear(index.ix);
    let multikey = false;
    let after = '';
    for (let rows = this.file.batchAfter(collection, after, BUILD_BATCH); rows.length > 0; rows = this.file.batchAfter(collection, after, BUILD_BATCH)) {
      const batch = entriesOf(index, rows, (row) => this.cache.get(collection, row.id) ?? (JSON.parse(row.body) as Doc));
      multikey ||= batch.multikey;
      try {
        this.file.indexes.addEntries(batch.entries);
      } catch (error) {
        if (isConstraintError(error)) throw new DuplicateKeyError(collection, index.spec.name, [...index.fields]);
        throw error;
      }
      after = rows[rows.length - 1]!.id;
    }
    if (multikey) this.file.indexes.markMultikey(index.ix);
    this.file.indexes.markBuilt(index.ix);
  }

  /** How many commits wrote to a collection since the store opened: equal numbers, equal contents. */
  changeCount(collection: string): number {
    return this.changes.get(collection) ?? 0;
  }

  dropCollection(collection: string): void {
    this.changes.set(collection, this.changeCount(collection) + 1);
    this.file.dropCollection(collection);
    this.states.delete(collection);
    this.highestIds.forget(collection);
    this.points.clear();
    // Dropping is rare (tests, uninstalling an object): forgetting every cached document is simpler than finding the collection's.
    this.cache.clear();
  }
}

const ORDINARY_ENTRY_BYTES = 2048;

/**
 * The documents an index walk keeps in the cache even when it is full: its first few. A query that
 * finds a handful (a record's work items, its approval history, read five times by one approval)
 * is as targeted as a read by id and as likely to come again; the rest of a long walk only fills
 * free room, so one large query does not push out what every request uses.
 */
const REMEMBERED_PER_WALK = 16;

function isConstraintError(error: unknown): boolean {
  return error instanceof Error && 'code' in error && String((error as { code: unknown }).code).startsWith('SQLITE_CONSTRAINT');
}
