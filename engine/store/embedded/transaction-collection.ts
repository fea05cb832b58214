import { Aggregator, Query } from 'mingo';
import type { Collection, Doc, Filter, FindOneAndUpdateOptions, FindOptions, Pipeline, Update, UpdateResult } from '../port.js';
import { DuplicateKeyError } from '../duplicate-key-error.js';
import { applyUpdate, upsertSeed } from './apply-update.js';
import type { CommittedData } from './committed-data.js';
import { cloneDocument, freezeDocument, sameDocument } from '../json-document.js';
import { newId } from '../new-id.js';
import { compileFastPredicate, type Predicate } from './fast-predicate.js';
import { comparatorFor, firstInOrder, type Comparator } from './sort-order.js';
import { CollectionOverlay, type Overlay } from './collection-overlay.js';
import { uniqueKey, type StoredIndex } from './index-entries.js';
import { withTieBreak, type Plan } from './query-plan.js';
import { groupedFields, keepFields } from './grouped-fields.js';
import { compileGroup } from './compiled-group.js';
import { foldGroupedPipeline } from './folded-aggregation.js';
import { isPlainObject } from '../plain-object.js';

/**
 * A collection as one unit of work sees it: committed documents (SQLite, through the planner and
 * the cache) with the unit's own writes laid over them. Writes only touch the overlay; the store
 * commits it at the end. Outside a unit, reads use one with an empty overlay.
 */
export class TransactionCollection<T extends Doc> implements Collection<T> {
  constructor(
    readonly name: string,
    private readonly committed: CommittedData,
    private readonly overlay: Overlay,
  ) {}

  private get changes(): CollectionOverlay {
    let changes = this.overlay.get(this.name);
    if (!changes) this.overlay.set(this.name, (changes = new CollectionOverlay()));
    return changes;
  }

  private get written(): ReadonlyMap<string, Doc | null> | undefined {
    return this.overlay.get(this.name)?.docs;
  }

  private current(id: string): Doc | undefined {
    const written = this.written;
    if (written?.has(id)) return written.get(id) ?? undefined;
    return this.committed.load(this.name, id);
  }

  private get uniques(): StoredIndex[] {
    return this.committed.indexes(this.name).filter((index) => index.spec.unique);
  }

  /**
   * Filter, sort, skip, limit, then projection of the page only. Committed matches come from the
   * plan: in sort order when an index (or `_id`) gives it, stopping after the page; otherwise
   * through a bounded buffer of the best `skip + limit`. The unit's own matches are merged in.
   * Without a sort, documents come in `_id` order, inside and outside a unit alike.
   */
  private matches(filter: Filter, options: FindOptions = {}, ordered = true): Doc[] {
    // A read by id (every GET, every write's read of its record) has one candidate: no plan to make.
    if (typeof filter._id === 'string') return this.byId(filter._id, filter, options);
    const test = predicateFor(filter);
    const skip = options.skip ?? 0;
    const wanted = options.limit ? skip + options.limit : undefined;
    const sort = withTieBreak(options.sort && Object.keys(options.sort).length > 0 ? options.sort : undefined);
    const compare = comparatorFor(sort);
    const written = this.written;
    const plan = this.committed.plan(this.name, filter, sort, wanted !== undefined);
    // A page whose plan does not give the sort reads the candidates' sort keys first and parses only the page.
    const sorted = !plan.ordered && ordered && wanted !== undefined ? this.committed.inSortOrder(this.name, plan, sort, wanted) : undefined;
    const committed = sorted ?? this.committed.candidates(this.name, plan);
    let found: Doc[] = [];
    if (plan.ordered || !ordered || sorted) {
      for (const doc of committed) {
        if (written?.has(doc._id) || !test(doc)) continue;
        found.push(doc);
        if (found.length === wanted) break;
      }
    } else {
      const matched = only(committed, (doc) => !written?.has(doc._id) && test(doc));
      found = wanted ? firstInOrder(matched, compare, wanted) : [...matched].sort(compare);
    }
    if (written?.size) found = mergeOwn(found, this.own(plan).filter(test), compare, ordered);
    return projectPage(found.slice(skip, wanted), options.projection);
  }

  /** What matches() returns for a filter naming one `_id`: that document, if it passes the rest of the filter. */
  private byId(id: string, filter: Filter, options: FindOptions): Doc[] {
    const doc = this.current(id);
    if (!doc || (options.skip ?? 0) > 0) return [];
    // The document under `id` matches a filter that names nothing else: no predicate to compile.
    if (Object.keys(filter).length > 1 && !predicateFor(filter)(doc)) return [];
    return projectPage([doc], options.projection);
  }

  async find(filter: Filter, options?: FindOptions): Promise<T[]> {
    return this.findNow(filter, options);
  }

  async findOne(filter: Filter, options?: Omit<FindOptions, 'limit' | 'skip'>): Promise<T | null> {
    return this.findOneNow(filter, options);
  }

  /** The reads answer at once (SQLite and the cache are synchronous): the store's reads outside units call these without another promise each. */
  findNow(filter: Filter, options?: FindOptions): T[] {
    return this.matches(filter, options) as T[];
  }

  findOneNow(filter: Filter, options?: Omit<FindOptions, 'limit' | 'skip'>): T | null {
    return (this.matches(filter, { ...options, limit: 1 })[0] as T | undefined) ?? null;
  }

  /**
   * An empty filter, or one an index answers whole, is counted without reading documents: the
   * committed count, corrected by what this unit changed.
   */
  async count(filter: Filter): Promise<number> {
    const live = outsideTheBin(filter);
    if (live && this.countsAtOnce(live)) return (await this.count(live)) - (await this.count({ ...live, _deleted: true }));
    const test = predicateFor(filter);
    const written = this.written;
    let committed: number | undefined;
    const plan = this.committed.plan(this.name, filter, { _id: 1 }, false);
    if (Object.keys(filter).length === 0) committed = this.committed.total(this.name);
    else if (plan.kind === 'index' && plan.exact) committed = this.committed.countIndexed(plan);
    if (committed === undefined) {
      let count = 0;
      for (const doc of this.committed.candidates(this.name, plan)) {
        if (!written?.has(doc._id) && test(doc)) count++;
      }
      committed = count;
    } else if (written) {
      for (const id of written.keys()) {
        const before = this.committed.load(this.name, id, false);
        if (before && test(before)) committed--;
      }
    }
    if (written) for (const doc of this.own(plan)) if (test(doc)) committed++;
    return committed;
  }

  /** Whether the committed count of `filter` needs no document read: the whole collection, or one index answers it whole. */
  private countsAtOnce(filter: Filter): boolean {
    if (Object.keys(filter).length === 0) return true;
    const plan = this.committed.plan(this.name, filter, { _id: 1 }, false);
    return plan.kind === 'index' && plan.exact;
  }

  /**
   * The documents this unit wrote that a query could match: those of the ids it names, or all.
   * A unit that rewrites 100,000 records and reads each one by id on the way (a formula recomputed
   * inline, a migration) must not test all it wrote at every read.
   */
  private own(plan: Plan): Doc[] {
    const written = this.written;
    if (!written?.size) return [];
    const docs = plan.kind === 'ids' ? plan.ids.map((id) => written.get(id)) : [...written.values()];
    return docs.filter((doc): doc is Doc => doc !== null && doc !== undefined);
  }

  /**
   * The pipeline's leading $match picks the documents through the planner; mingo runs the rest
   * over them. A pipeline that groups first (a summary, a report) folds the matches into their
   * groups as they stream by (folded-aggregation.ts), so memory grows with the groups, not with
   * the records; when a group needs mingo, the matches are read a second time, each cut down to
   * the fields the groups read (grouped-fields.ts): a summary over a million records held every one.
   */
  async aggregate<R>(pipeline: Pipeline): Promise<R[]> {
    const [first, ...rest] = pipeline;
    const match = first && isPlainObject(first.$match) && Object.keys(first).length === 1 ? (first.$match as Filter) : undefined;
    const stages = match ? rest : pipeline;
    const fields = groupedFields(stages);
    if (!fields) return runStages(stages, this.matches(match ?? {}, {}, false)) as R[];
    const folded = foldGroupedPipeline(stages, this.streamMatches(match ?? {}));
    if (folded) return folded as R[];
    return runStages(stages, Array.from(this.streamMatches(match ?? {}), (doc) => keepFields(doc, fields))) as R[];
  }

  /** What matches(filter, {}, false) returns, one document at a time: committed ones in the plan's order, then this unit's own. */
  private *streamMatches(filter: Filter): Generator<Doc> {
    const test = predicateFor(filter);
    const written = this.written;
    const plan = this.committed.plan(this.name, filter, withTieBreak(undefined), false);
    for (const doc of this.committed.candidates(this.name, plan)) if (!written?.has(doc._id) && test(doc)) yield doc;
    if (written?.size) for (const doc of this.own(plan)) if (test(doc)) yield doc;
  }

  async insertOne(doc: T): Promise<void> {
    const written = this.written;
    const own = written?.has(doc._id);
    if (own ? written!.get(doc._id) : this.committed.holds(this.name, doc._id)) throw new DuplicateKeyError(this.name, '_id_', ['_id']);
    // Not written by this unit and not found: nothing is committed under that id.
    this.write(cloneDocument(doc), own ? undefined : null);
  }

  async insertMany(docs: T[]): Promise<void> {
    for (const doc of docs) await this.insertOne(doc);
  }

  async findOneAndUpdate(filter: Filter, update: Update, options: FindOneAndUpdateOptions = {}): Promise<T | null> {
    const found = this.matches(filter, { limit: 1 })[0];
    if (found) return this.write(applyUpdate(found, update), this.committedVersion(found)) as T;
    if (!options.upsert) return null;
    return this.write(applyUpdate(upsertSeed(filter, newId()), update), null) as T;
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
    this.changes.set(found._id, null, this.uniques, this.committedVersion(found));
    return 1;
  }

  async deleteMany(filter: Filter): Promise<number> {
    const found = this.matches(filter);
    for (const doc of found) this.changes.set(doc._id, null, this.uniques, this.committedVersion(doc));
    return found.length;
  }

  /**
   * Writes `after` unless it equals `before`, and returns how many documents that modified (0 or 1):
   * like MongoDB, an update that changes nothing is matched but not modified.
   */
  private writeIfChanged(before: Doc, after: Doc): number {
    if (sameDocument(before, after)) return 0;
    this.write(after, this.committedVersion(before));
    return 1;
  }

  /** A document a query of this unit found is the committed version unless the unit wrote it (then: unknown here). */
  private committedVersion(found: Doc): Doc | undefined {
    return this.written?.has(found._id) ? undefined : found;
  }

  private write(doc: Doc, committed?: Doc | null): Doc {
    this.checkUnique(doc);
    this.changes.set(doc._id, freezeDocument(doc), this.uniques, committed);
    return doc;
  }

  /** Refuses a document whose unique key another document holds, as this unit of work sees them. */
  private checkUnique(doc: Doc): void {
    const changes = this.changes;
    for (const index of this.uniques) {
      const key = uniqueKey(index, doc);
      if (key === undefined) continue;
      const inUnit = changes.ownerOf(index, key.toString('latin1'));
      // A committed holder only counts while this unit has not rewritten or deleted it.
      const committed = this.committed.uniqueOwner(index, key);
      const taken =
        (inUnit !== undefined && inUnit !== doc._id) ||
        (committed !== undefined && committed !== doc._id && !changes.docs.has(committed));
      if (taken) throw new DuplicateKeyError(this.name, index.spec.name, [...index.fields]);
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

/**
 * The rest of a filter that also asks for records outside the recycle bin (`_deleted: { $ne: true }`,
 * what every list and its total send), or undefined. No index serves `$ne`, but its complement does:
 * counting the rest and taking away the rest's records in the bin (the bin's index) reads no record
 * when an index answers the rest whole, where testing the condition read every one of them.
 */
function outsideTheBin(filter: Filter): Filter | undefined {
  const condition = filter['_deleted'];
  if (!isPlainObject(condition) || Object.keys(condition).length !== 1 || condition['$ne'] !== true) return undefined;
  const { _deleted: _, ...rest } = filter;
  return rest;
}

function* only(docs: Iterable<Doc>, test: Predicate): Generator<Doc> {
  for (const doc of docs) if (test(doc)) yield doc;
}

/** The committed matches (already in order) and the unit's own, in one order; unordered, the unit's come last. */
function mergeOwn(committed: Doc[], own: Doc[], compare: Comparator, ordered: boolean): Doc[] {
  if (!ordered) return [...committed, ...own];
  own.sort(compare);
  const merged: Doc[] = [];
  let i = 0;
  let j = 0;
  while (i < committed.length || j < own.length) {
    if (j >= own.length || (i < committed.length && compare(committed[i]!, own[j]!) <= 0)) merged.push(committed[i++]!);
    else merged.push(own[j++]!);
  }
  return merged;
}

/**
 * mingo's run of the stages, except a leading `$group` (or one leading each branch of a `$facet`)
 * of the shape compiled-group.ts folds in a plain loop, which then hands its rows to mingo.
 */
function runStages(stages: Pipeline, docs: Doc[]): unknown[] {
  const [first, ...rest] = stages;
  if (first && Object.keys(first).length === 1 && isPlainObject(first.$group)) {
    const rows = compileGroup(first.$group)?.(docs);
    if (rows) return new Aggregator(rest, {}).run(rows);
  }
  if (first && Object.keys(first).length === 1 && isPlainObject(first.$facet) && Object.values(first.$facet).every(Array.isArray)) {
    const branches = Object.entries(first.$facet as Record<string, Pipeline>).map(([name, branch]) => [name, runStages(branch, docs)]);
    return new Aggregator(rest, {}).run([Object.fromEntries(branches)]);
  }
  return new Aggregator(stages, {}).run(docs);
}


/**
 * A projection of top-level fields only (`{ a: 1, b: 1 }`, with `_id` unless excluded) is a copy
 * of those keys, which the record look-ups make all the time; anything else (exclusions, paths,
 * operators) goes to mingo, which gives MongoDB's semantics.
 */
function projectPage(page: Doc[], projection: Record<string, unknown> | undefined): Doc[] {
  if (!projection) return page;
  const keys = Object.keys(projection);
  if (keys.length === 0) return page;
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
