import { Aggregator, Query } from 'mingo';
import type { Collection, Doc, Filter, FindOneAndUpdateOptions, FindOptions, Pipeline, Update, UpdateResult } from '../port.js';
import { DuplicateKeyError } from '../duplicate-key-error.js';
import { applyUpdate, upsertSeed } from './apply-update.js';
import type { MemoryCollection } from './memory-collection.js';
import { cloneDocument, freezeDocument, sameDocument } from '../json-document.js';
import { newId } from '../new-id.js';
import { compileFastPredicate, type Predicate } from './fast-predicate.js';
import { comparatorFor, firstInOrder } from './sort-order.js';
import { CollectionOverlay, type Overlay } from './collection-overlay.js';
import { pinnedValues, type ValueIndex } from './value-index.js';


/**
 * A collection as one unit of work sees it: committed documents with the unit's own writes laid
 * over them. Writes only touch the overlay; the store commits it to SQLite and memory at the end.
 */
export class TransactionCollection<T extends Doc> implements Collection<T> {
  constructor(
    readonly name: string,
    private readonly base: MemoryCollection,
    private readonly overlay: Overlay,
  ) {}

  private get changes(): CollectionOverlay {
    let changes = this.overlay.get(this.name);
    if (!changes) this.overlay.set(this.name, (changes = new CollectionOverlay()));
    return changes;
  }

  private current(id: string): Doc | undefined {
    const changes = this.overlay.get(this.name)?.docs;
    if (changes?.has(id)) return changes.get(id) ?? undefined;
    return this.base.docs.get(id);
  }

  /**
   * The documents this unit sees, narrowed where the filter allows: an `_id` equality is a map
   * look-up, an equality on an indexed field takes that index's ids; the caller still tests each.
   */
  private *visible(filter: Filter): Generator<Doc> {
    const id = filter._id;
    if (typeof id === 'string') {
      const doc = this.current(id);
      if (doc) yield doc;
      return;
    }
    const changes = this.overlay.get(this.name)?.docs;
    for (const doc of this.committedCandidates(filter)) {
      if (!changes?.has(doc._id)) yield doc;
    }
    if (changes) for (const doc of changes.values()) if (doc) yield doc;
  }

  private committedCandidates(filter: Filter): Iterable<Doc> {
    // Of the indexes the filter pins, the one holding the fewest ids: a work item's record has a
    // handful where its approver may have thousands.
    let best: { index: ValueIndex; values: unknown[]; size: number } | undefined;
    for (const index of this.base.valueIndexes) {
      const values = pinnedValues(filter, index.field);
      if (!values) continue;
      const size = index.size(values);
      if (!best || size < best.size) best = { index, values, size };
    }
    if (!best) return this.base.docs.values();
    const docs: Doc[] = [];
    for (const id of best.index.lookup(best.values)) {
      const doc = this.base.docs.get(id);
      if (doc) docs.push(doc);
    }
    return docs;
  }

  /**
   * Filter, sort, skip, limit, then projection of the page only. A page under a sort keeps a
   * small sorted buffer instead of sorting every match.
   */
  private matches(filter: Filter, options: FindOptions = {}): Doc[] {
    const test = predicateFor(filter);
    const skip = options.skip ?? 0;
    let page: Doc[];
    if (options.sort && Object.keys(options.sort).length > 0) {
      const compare = comparatorFor(options.sort);
      const matched = only(this.visible(filter), test);
      const ordered = options.limit ? firstInOrder(matched, compare, skip + options.limit) : [...matched].sort(compare);
      page = ordered.slice(skip);
    } else {
      page = [];
      let skipped = 0;
      for (const doc of only(this.visible(filter), test)) {
        if (skipped++ < skip) continue;
        page.push(doc);
        if (options.limit && page.length >= options.limit) break;
      }
    }
    if (!options.projection || Object.keys(options.projection).length === 0) return page;
    return projectPage(page, options.projection);
  }

  async find(filter: Filter, options?: FindOptions): Promise<T[]> {
    return this.matches(filter, options) as T[];
  }

  async findOne(filter: Filter, options?: Omit<FindOptions, 'limit' | 'skip'>): Promise<T | null> {
    return (this.matches(filter, { ...options, limit: 1 })[0] as T | undefined) ?? null;
  }

  async count(filter: Filter): Promise<number> {
    if (Object.keys(filter).length === 0 && !this.overlay.get(this.name)?.docs.size) return this.base.docs.size;
    const test = predicateFor(filter);
    let count = 0;
    for (const doc of this.visible(filter)) if (test(doc)) count++;
    return count;
  }

  async aggregate<R>(pipeline: Pipeline): Promise<R[]> {
    return new Aggregator(pipeline, {}).run([...this.visible({})]) as R[];
  }

  async insertOne(doc: T): Promise<void> {
    if (this.current(doc._id)) throw new DuplicateKeyError(this.name, '_id_', ['_id']);
    this.write(cloneDocument(doc));
  }

  async insertMany(docs: T[]): Promise<void> {
    for (const doc of docs) await this.insertOne(doc);
  }

  async findOneAndUpdate(filter: Filter, update: Update, options: FindOneAndUpdateOptions = {}): Promise<T | null> {
    const found = this.matches(filter, { limit: 1 })[0];
    if (found) return this.write(applyUpdate(found, update)) as T;
    if (!options.upsert) return null;
    return this.write(applyUpdate(upsertSeed(filter, newId()), update)) as T;
  }

  async updateOne(filter: Filter, update: Update): Promise<UpdateResult> {
    const found = this.matches(filter, { limit: 1 })[0];
    if (!found) return { matched: 0, modified: 0 };
    return { matched: 1, modified: this.writeIfChanged(found, applyUpdate(found, update)) };
  }

  async updateMany(filter: Filter, update: Update): Promise<UpdateResult> {
    const found = this.matches(filter);
    let modified = 0;
    for (const doc of found) modified += this.writeIfChanged(doc, applyUpdate(doc, update));
    return { matched: found.length, modified };
  }

  async replaceOne(filter: Filter, doc: T): Promise<UpdateResult> {
    const found = this.matches(filter, { limit: 1 })[0];
    if (!found) return { matched: 0, modified: 0 };
    return { matched: 1, modified: this.writeIfChanged(found, { ...cloneDocument(doc), _id: found._id }) };
  }

  async deleteOne(filter: Filter): Promise<number> {
    const found = this.matches(filter, { limit: 1 })[0];
    if (!found) return 0;
    this.changes.set(found._id, null, this.base.uniqueIndexes);
    return 1;
  }

  async deleteMany(filter: Filter): Promise<number> {
    const found = this.matches(filter);
    for (const doc of found) this.changes.set(doc._id, null, this.base.uniqueIndexes);
    return found.length;
  }

  /**
   * Writes `after` unless it equals `before`, and returns how many documents that modified (0 or 1):
   * like MongoDB, an update that changes nothing is matched but not modified.
   */
  private writeIfChanged(before: Doc, after: Doc): number {
    if (sameDocument(before, after)) return 0;
    this.write(after);
    return 1;
  }

  private write(doc: Doc): Doc {
    this.checkUnique(doc);
    this.changes.set(doc._id, freezeDocument(doc), this.base.uniqueIndexes);
    return doc;
  }

  /** Refuses a document whose unique key another document holds, as this unit of work sees them. */
  private checkUnique(doc: Doc): void {
    const changes = this.changes;
    for (const index of this.base.uniqueIndexes) {
      const key = index.keyOf(doc);
      if (key === undefined) continue;
      const inUnit = changes.ownerOf(index, key);
      // A committed holder only counts while this unit has not rewritten or deleted it.
      const committed = index.ownerOf(key);
      const taken =
        (inUnit !== undefined && inUnit !== doc._id) ||
        (committed !== undefined && committed !== doc._id && !changes.docs.has(committed));
      if (taken) throw new DuplicateKeyError(this.name, index.spec.name, index.keys);
    }
  }
}

/** The fast closure where the filter allows it, mingo's general evaluator otherwise. */
function predicateFor(filter: Filter): Predicate {
  const fast = compileFastPredicate(filter);
  if (fast) return fast;
  const query = new Query(filter, {});
  return (doc) => query.test(doc);
}

function* only(docs: Iterable<Doc>, test: Predicate): Generator<Doc> {
  for (const doc of docs) if (test(doc)) yield doc;
}

/**
 * A projection of top-level fields only (`{ a: 1, b: 1 }`, with `_id` unless excluded) is a copy
 * of those keys, which the record look-ups make all the time; anything else (exclusions, paths,
 * operators) goes to mingo, which gives MongoDB's semantics.
 */
function projectPage(page: Doc[], projection: Record<string, unknown>): Doc[] {
  const keys = Object.keys(projection);
  const simple = keys.every((key) => !key.includes('.') && !key.startsWith('$') && (projection[key] === 1 || projection[key] === true || (key === '_id' && (projection[key] === 0 || projection[key] === false))));
  const includes = keys.filter((key) => key !== '_id');
  const withId = projection._id !== 0 && projection._id !== false;
  if (!simple || (includes.length === 0 && !withId)) return new Query({}, {}).find<Doc>(page, projection).all();
  return page.map((doc) => {
    const copy: Record<string, unknown> = withId ? { _id: doc._id } : {};
    for (const key of includes) if (doc[key] !== undefined) copy[key] = doc[key];
    return copy as Doc;
  });
}
