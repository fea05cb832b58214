import {
  MongoServerError,
  WriteConcern,
  type ClientSession,
  type Collection as DriverCollection,
  type Db,
  type Document,
  type MongoClient,
  type TransactionOptions,
} from 'mongodb';
import type { Collection, Collections, Doc, Filter, FindOptions, IndexSpec, QueryPlanSummary, Store } from '../port.js';
import type { BlobStore } from '../blob-port.js';
import { GridFsBlobs } from './grid-fs-blobs.js';
import { declaredName, planIndexes, toSortSpec, type ExistingIndex, type IndexPlan } from './index-plan.js';
import { MongoCollection, toDuplicateKeyError, toFilter } from './mongo-collection.js';
import { mongoPlanSummary } from './mongo-plan-summary.js';
import { isPlainObject } from '../plain-object.js';
import { timedStoreOperation } from '../../observability/index.js';

/** MongoDB's own index on _id: every collection has it, and it is never the engine's to change. */
const ID_INDEX = '_id_';
const NAMESPACE_NOT_FOUND = 26;
const INDEX_NOT_FOUND = 27;
const INDEX_OPTIONS_CONFLICT = 85;
const INDEX_KEY_SPECS_CONFLICT = 86;

/**
 * Snapshot reads with majority commits: a unit sees one consistent state of everything committed
 * before it, and what it commits cannot be rolled back by a failover.
 */
const TRANSACTION_OPTIONS: TransactionOptions = {
  readConcern: { level: 'snapshot' },
  writeConcern: new WriteConcern('majority'),
  readPreference: 'primary',
};

/** The store of one tenant: one MongoDB database, its collections mapped one to one. */
export class MongoStore implements Store {
  readonly kind = 'mongodb' as const;
  readonly tenant: string;
  readonly #client: MongoClient;
  readonly #db: Db;
  readonly #transactions: boolean;
  readonly blobs: BlobStore;

  constructor(client: MongoClient, databaseName: string, tenant: string, transactions: boolean) {
    this.tenant = tenant;
    this.#client = client;
    this.#db = client.db(databaseName);
    this.#transactions = transactions;
    this.blobs = new GridFsBlobs(this.#db);
  }

  collection<T extends Doc = Doc>(name: string): Collection<T> {
    return new MongoCollection<T>(this.#db.collection<Doc>(name));
  }

  /**
   * The driver runs `work` again when the transaction hits a transient error (a write conflict, a
   * failover), so `work` must do nothing outside `tx` that cannot be repeated. Its operations must
   * also run one after another: a session carries one operation at a time. A write error inside
   * `work` (a duplicate key) aborts the transaction on the server, so it cannot be caught and
   * carried on from: it ends the unit.
   */
  unitOfWork<R>(work: (tx: Collections) => Promise<R>): Promise<R> {
    return timedStoreOperation(this.kind, 'unitOfWork', () => this.#runUnit(work));
  }

  #runUnit<R>(work: (tx: Collections) => Promise<R>): Promise<R> {
    if (!this.#transactions) {
      // A standalone mongod has no transactions (they need a replica set's oplog): each write of
      // `work` lands on its own, so a failure halfway keeps the writes before it. A single-node
      // replica set (`mongod --replSet`) gives all-or-nothing units on one machine.
      return work({ collection: <T extends Doc = Doc>(name: string) => this.collection<T>(name) });
    }
    return this.#client.withSession((session) =>
      session.withTransaction(() => work(this.#inSession(session)), TRANSACTION_OPTIONS),
    );
  }

  /**
   * Makes the platform's indexes of the collection exactly `indexes` (see planIndexes): new and
   * changed ones are built first, and only then are the replaced ones dropped, so a changed unique
   * index never leaves a gap in which duplicates could land. Indexes the platform did not create
   * are never dropped.
   */
  async ensureIndexes(collection: string, indexes: IndexSpec[]): Promise<void> {
    const driver = this.#db.collection(collection);
    const plan = planIndexes(indexes, await existingIndexes(driver));
    try {
      if (plan.create.length > 0) await createAll(driver, plan);
    } catch (error) {
      throw toDuplicateKeyError(collection, error) ?? error;
    }
    for (const name of plan.drop) await dropIfExists(driver, name);
  }

  /** The platform's indexes under their declared names; anyone else's under their own. */
  async explain(collection: string, filter: Filter, options: Pick<FindOptions, 'sort' | 'limit'> = {}): Promise<QueryPlanSummary> {
    const cursor = this.#db.collection<Doc>(collection).find(toFilter(filter), { ...(options.sort ? { sort: options.sort } : {}), ...(options.limit ? { limit: options.limit } : {}) });
    const explained = (await cursor.explain('queryPlanner')) as { queryPlanner?: { winningPlan?: unknown } };
    return mongoPlanSummary(explained.queryPlanner?.winningPlan);
  }

  async listIndexes(collection: string): Promise<IndexSpec[]> {
    const existing = await existingIndexes(this.#db.collection(collection));
    return existing.map((index) => {
      const spec: IndexSpec = { name: declaredName(index.name) ?? index.name, keys: toSortSpec(index.key) };
      if (index.unique === true) spec.unique = true;
      return spec;
    });
  }

  async dropCollection(collection: string): Promise<void> {
    // The driver already answers false instead of throwing when the namespace does not exist.
    await this.#db.dropCollection(collection);
  }

  async listCollections(): Promise<string[]> {
    const infos = await this.#db.listCollections({}, { nameOnly: true }).toArray();
    // system.* collections (views, profile) belong to the server, not to the tenant.
    return infos.map((info) => info.name).filter((name) => !name.startsWith('system.'));
  }

  /** The client is shared by every tenant: the provider closes it. */
  async close(): Promise<void> {}

  #inSession(session: ClientSession): Collections {
    return {
      collection: <T extends Doc = Doc>(name: string): Collection<T> =>
        new MongoCollection<T>(this.#db.collection<Doc>(name), session),
    };
  }
}

/**
 * One createIndexes builds every new index in one pass over the collection. A server refuses an
 * index whose key pattern and options equal an existing one under another name (IndexOptionsConflict)
 * and, before 5.0, one that differs from an existing index only in unique or partialFilterExpression:
 * then each index is built on its own, and one refused that way replaces the platform's old
 * version of it (dropped first: the one case with a gap) or, if another's equivalent index stands,
 * is left to that index.
 */
async function createAll(driver: DriverCollection<Document>, plan: IndexPlan): Promise<void> {
  try {
    await driver.createIndexes(plan.create);
    return;
  } catch (error) {
    if (!isIndexConflict(error)) throw error;
  }
  for (const description of plan.create) {
    try {
      await driver.createIndexes([description]);
    } catch (error) {
      if (!isIndexConflict(error)) throw error;
      const declared = declaredName(description.name ?? '');
      const old = plan.drop.find((name) => (declaredName(name) ?? name) === declared);
      if (old === undefined) continue;
      await dropIfExists(driver, old);
      await driver.createIndexes([description]);
    }
  }
}

function isIndexConflict(error: unknown): boolean {
  return error instanceof MongoServerError && (error.code === INDEX_OPTIONS_CONFLICT || error.code === INDEX_KEY_SPECS_CONFLICT);
}

/** Another instance may have dropped it already: the outcome wanted is its absence. */
async function dropIfExists(driver: DriverCollection<Document>, name: string): Promise<void> {
  try {
    await driver.dropIndex(name);
  } catch (error) {
    if (error instanceof MongoServerError && (error.code === INDEX_NOT_FOUND || error.code === NAMESPACE_NOT_FOUND)) return;
    throw error;
  }
}

/** The collection's indexes as listIndexes reports them, without _id_; none if it does not exist. */
async function existingIndexes(driver: DriverCollection<Document>): Promise<ExistingIndex[]> {
  try {
    const indexes = await driver.listIndexes().toArray();
    return indexes
      .filter((index) => index['name'] !== ID_INDEX)
      .map((index) => ({
        name: String(index['name']),
        key: isPlainObject(index['key']) ? index['key'] : {},
        unique: index['unique'] === true,
        partialFilterExpression: index['partialFilterExpression'],
      }));
  } catch (error) {
    if (error instanceof MongoServerError && error.code === NAMESPACE_NOT_FOUND) return [];
    throw error;
  }
}
